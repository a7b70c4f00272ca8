using System.Text.Json.Nodes;
using ContentApi.Host.Features.Contacts;
using ContentApi.Host.Features.Guidance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// Hand-written examples for the main response shapes, so partners see realistic payloads in Swagger UI. They are
/// fixed text rather than live content so the committed contracts change only when the API does.
/// </summary>
internal static class SchemaExamples
{
    // The fields every item carries: provenance, review, language and reuse.
    private const string Provenance = """
        "provenance": { "plugin": "signposting", "publisher": "Safeguarding Content API maintainers",
                        "sourcePublisher": "Childline (NSPCC)", "sourceUrl": "https://www.childline.org.uk/" },
        "review": { "lastReviewed": "2026-11-29", "nextReviewDue": "2027-02-28", "owner": "Safeguarding Content API maintainers" },
        "reviewStatus": "current", "requestedLocale": "en-GB", "fallback": false, "translationStatus": "reviewed",
        "contentHash": "sha256:3f0a8c1d9e2b4f6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
        "licence": { "name": "Open Government Licence v3.0", "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" },
        "attribution": "Contains information from Childline (NSPCC), published by Safeguarding Content API maintainers under the Open Government Licence v3.0."
        """;

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(ContactResourceV2)] = $$"""
            { "id": "childline", "locale": "en-GB", "audiences": ["young-people"], "ageRange": { "min": 0, "max": 18 },
              "topics": ["sharing-nudes", "sextortion", "emotional-support"], "name": "Childline", "organisation": "NSPCC",
              "description": "Childline is for children and young people under 19. You can talk about anything that worries you.",
              "whoFor": "Children and young people under 19.", "category": "helpline",
              "channels": [ { "type": "phone", "value": "0800 1111", "label": "Call Childline", "hours": { "alwaysOpen": true, "weekly": [] } } ],
              "verification": { "status": "verified", "lastVerified": "2026-11-29" }, "displayVerbatim": false,
              {{Provenance}} }
            """,
        [typeof(ContactResourceV1)] = $$"""
            { "id": "childline", "locale": "en-GB", "audiences": ["young-people"], "ageRange": { "min": 0, "max": 18 },
              "topics": ["sharing-nudes", "sextortion", "emotional-support"], "name": "Childline", "organisation": "NSPCC",
              "description": "Childline is for children and young people under 19. You can talk about anything that worries you.",
              "whoFor": "Children and young people under 19.", "category": "helpline",
              "phone": "0800 1111", "hours": "24 hours a day, 7 days a week",
              "verification": { "status": "verified", "lastVerified": "2026-11-29" }, "displayVerbatim": false,
              {{Provenance}} }
            """,
        [typeof(GuidanceResource)] = $$"""
            { "id": "if-an-image-has-been-shared", "locale": "en-GB", "audiences": ["parents-carers"], "topics": ["sharing-nudes", "image-removal"],
              "title": "If a nude image of your child has been shared", "summary": "Stay calm, do not look at or forward the image, and get it reported and removed.",
              "body": "## Stay calm\n\nYour child needs to know they are not in trouble...", "bodyFormat": "markdown", "relatedContacts": ["police-999", "report-remove", "ceop"],
              "displayVerbatim": false, {{Provenance}} }
            """,
        [typeof(ProblemDetails)] = """
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5", "title": "Guidance article not found", "status": 404,
              "detail": "There is no guidance article with id 'no-such-article'.", "instance": "/api/v2/guidance/no-such-article" }
            """,
        [typeof(HttpValidationProblemDetails)] = """
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more query parameters are not valid.", "status": 400,
              "detail": "age: must be a whole number of years between 0 and 25; got -3.", "instance": "/api/v2/guidance",
              "errors": { "age": ["must be a whole number of years between 0 and 25; got -3."] } }
            """,
    };

    private static readonly Dictionary<Type, JsonNode> Parsed = Examples.ToDictionary(e => e.Key, e => JsonNode.Parse(e.Value)!);

    public static Task AddExample(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Parsed.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example.DeepClone()];
        }

        return Task.CompletedTask;
    }
}
