using ContentApi.Host.Features.Changes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// The events in the v2 contract as OpenAPI 3.1 <c>webhooks</c>: one entry per event type, each a POST of a
/// <see cref="WebhookEvent"/> with the three Standard Webhooks headers, so partners can generate a receiver from the
/// same document as their client. Added by the feature to the v2 document (the events' hrefs are v2 paths).
/// </summary>
internal static class WebhookContract
{
    public static async Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var schema = await context.GetOrCreateSchemaAsync(typeof(WebhookEvent), null, cancellationToken).ConfigureAwait(false);
        schema.Description = "The body of every webhook request (Standard Webhooks: type, timestamp, data). data has the fields of an entry of the changes feed.";
        if (components.Schemas.ContainsKey(nameof(ChangeResource)) && schema.Properties is { } properties)
        {
            // The very schema of an entry of the changes feed, not a copy of it.
            properties["data"] = new OpenApiSchemaReference(nameof(ChangeResource), document);
        }

        components.Schemas[nameof(WebhookEvent)] = schema;

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>(StringComparer.Ordinal);
        foreach (var type in WebhookEventTypes.All)
        {
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "Webhook" + string.Concat(type.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
                        Summary = $"{type}: {Describe(type)}",
                        Description = "Posted to each subscription that asked for this event (the API's operators register subscriptions). Verify webhook-signature " +
                            "over the raw body before trusting it, and use webhook-id to ignore repeats: delivery is at least once. " +
                            "Answer 2xx quickly; anything else is retried with backoff for about a day. See docs/webhooks.md.",
                        Security = [],
                        Parameters =
                        [
                            Header("webhook-id", "The message id: the same on every retry of this event.", "msg_5f2c0b9e1d7a4c3b8e6f2a1d0c9b8a7e"),
                            Header("webhook-timestamp", "When this attempt was sent, in Unix seconds.", "1799485203"),
                            Header("webhook-signature", "v1, then the base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{body}, keyed with the base64-decoded part of the secret after whsec_.", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                            {
                                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(WebhookEvent), document) },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse { Description = "Accepted. Any 2xx answer will do; nothing in its body is read beyond a short excerpt kept for admins." },
                        },
                    },
                },
            };
        }
    }

    private static string Describe(string type) => type switch
    {
        "content.created" => "an item was first published.",
        "content.updated" => "an item changed; fetch it again from href.",
        "content.withdrawn" => "an item was withdrawn or removed; take it down.",
        _ => "an item was withheld because its review is long overdue; take it down until it is reviewed.",
    };

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = System.Text.Json.Nodes.JsonValue.Create(example),
    };
}
