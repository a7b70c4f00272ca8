using System.Globalization;
using System.Net;
using System.Net.Mime;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// What every public operation shares and the endpoints cannot say for themselves: that none needs a key, the answers
/// the pipeline may give before an endpoint runs (401 for a bad key, 429 over quota, 500 for a fault), the rate-limit
/// and request-id headers on every answer, and a description of each tag. Written here once, so the contracts tell
/// partners exactly what the host does (and the Spectral OWASP and Redocly lint in CI holds them to it).
/// </summary>
internal static class ContractGovernance
{
    // What the pipeline may answer before an endpoint runs: each a shared response component named after its status.
    private static readonly HttpStatusCode[] PipelineAnswers =
        [HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError];

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Guidance"] = "Articles for parents and carers, young people and professionals on nude image sharing, sextortion and online grooming.",
        ["Contacts"] = "Helplines, reporting routes and police contacts, each with its source and last-verified date.",
        ["Age bands"] = "The age bands content is written for, and the advice for each.",
        ["Topics"] = "Topic ids for the topic filters.",
        ["Plugins"] = "The plugins that supply the content: their status, item counts and any problems.",
        ["Signposting"] = "One call for who to contact, in order and why, for a person's age, who is asking, the topic and the force.",
        ["Reviews"] = "What is due for review, overdue (served, marked) or withheld (not served until reviewed).",
        ["Changes"] = "A feed of items created, updated, withdrawn and withheld, so partner sites can sync.",
        ["Forces"] = "The UK police forces by data.police.uk id: name, website, 101, ways to engage, and which plugins add local content.",
    };

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Relative, so the committed contracts name no host and "try it out" calls the host that served the document.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "Whichever host served this document: local, staging or production serve this same contract.",
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { ["x-internal"] = new JsonNodeExtension(false) },
            },
        ];
        document.Info.Contact = new OpenApiContact { Name = "Safeguarding Content API maintainers (see the project's README)" };

        var components = document.Components ??= new OpenApiComponents();
        AddHeaders(components);
        AddResponses(document, components);
        DescribeTags(document);

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            // Explicitly none: no public operation needs a key. Declaring an optional key ("none, or ApiKey") made
            // Swagger UI show a padlock and offer to send a key from the browser, where a key is public (README,
            // Security). The key, which only raises a server's quota, is described in words (OpenApiSetup.Describe).
            operation.Security = [];
            operation.Responses ??= [];
            foreach (var status in PipelineAnswers)
            {
                operation.Responses.TryAdd(((int)status).ToString(CultureInfo.InvariantCulture), new OpenApiResponseReference(status.ToString(), document));
            }

            foreach (var (status, response) in operation.Responses.AsEnumerable())
            {
                if (response is OpenApiResponse inline)
                {
                    inline.Headers = Headers(document, limited: status[0] is '2' or '4');
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void AddHeaders(OpenApiComponents components)
    {
        components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        components.Headers[ClientRateLimiting.LimitHeader] = IntegerHeader("Requests this client may make in the current window.", 1);
        components.Headers[ClientRateLimiting.RemainingHeader] = IntegerHeader("Requests this client has left in the current window.", 0);
        components.Headers[ClientRateLimiting.ResetHeader] = IntegerHeader("Seconds until the current window ends and the quota is renewed.", 1);
        components.Headers[HeaderNames.RetryAfter] = IntegerHeader("Seconds to wait before trying again.", 1);
        components.Headers[HeaderNames.AccessControlAllowOrigin] = new OpenApiHeader
        {
            Description = "Sent only to browsers: a configured partner origin is echoed back; any other origin gets none, or * when the " +
                          "operator allows anonymous access from any origin (then without the API key header).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2048, Pattern = "^(\\*|https?://[^/]+)$" },
        };
        components.Headers[RequestIds.HeaderName] = new OpenApiHeader
        {
            Description = "The request's id: the caller's own X-Request-Id if it sent a sane one, else the trace id. Quote it when reporting a problem.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64, Pattern = "^[A-Za-z0-9._:-]{1,64}$" },
        };
    }

    private static void AddResponses(OpenApiDocument document, OpenApiComponents components)
    {
        if (components.Schemas?.ContainsKey("ProblemDetails") != true)
        {
            throw new InvalidOperationException($"The {document.Info.Version} document has no ProblemDetails schema to describe error responses with.");
        }

        components.Responses ??= new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal);
        components.Responses[nameof(HttpStatusCode.Unauthorized)] = Problem(document, limited: true,
            "The API key in X-Api-Key is not recognised or has been revoked, or a key was sent in the query string. Requests without a key need none.",
            Example(401, "Invalid API key", "The API key is not recognised or has been revoked."));
        var tooMany = Problem(document, limited: true,
            "This client has used its quota for the current window. Wait for Retry-After seconds; a partner API key has a higher quota.",
            Example(429, "Too many requests", "This client may make 60 requests every 60 seconds. Try again in 12 seconds, or ask for a partner API key (sent in the X-Api-Key header) for a higher quota."));
        tooMany.Headers![HeaderNames.RetryAfter] = new OpenApiHeaderReference(HeaderNames.RetryAfter, document);
        components.Responses[nameof(HttpStatusCode.TooManyRequests)] = tooMany;
        components.Responses[nameof(HttpStatusCode.InternalServerError)] = Problem(document, limited: false,
            "An unexpected fault. The problem names no internal detail; quote its traceId (also in X-Request-Id) when reporting it.",
            Example(500, "An unexpected error occurred", "Quote the traceId when you report this."));
    }

    // Each error status shows its own example, rather than the schema's (a 404), in Swagger UI and generated docs.
    private static JsonObject Example(int status, string title, string detail) => new()
    {
        ["type"] = status switch
        {
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            429 => "https://tools.ietf.org/html/rfc6585#section-4",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        },
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
        ["instance"] = "/api/v2/guidance",
        ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
    };

    private static OpenApiResponse Problem(OpenApiDocument document, bool limited, string description, JsonObject example) => new()
    {
        Description = description,
        Headers = Headers(document, limited),
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [MediaTypeNames.Application.ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", document), Example = example },
        },
    };

    private static Dictionary<string, IOpenApiHeader> Headers(OpenApiDocument document, bool limited)
    {
        var headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            [RequestIds.HeaderName] = new OpenApiHeaderReference(RequestIds.HeaderName, document),
            [HeaderNames.AccessControlAllowOrigin] = new OpenApiHeaderReference(HeaderNames.AccessControlAllowOrigin, document),
        };
        if (limited)
        {
            foreach (var name in new[] { ClientRateLimiting.LimitHeader, ClientRateLimiting.RemainingHeader, ClientRateLimiting.ResetHeader })
            {
                headers[name] = new OpenApiHeaderReference(name, document);
            }
        }

        return headers;
    }

    private static OpenApiHeader IntegerHeader(string description, int minimum) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = minimum.ToString(CultureInfo.InvariantCulture), Maximum = int.MaxValue.ToString(CultureInfo.InvariantCulture) },
    };

    private static void DescribeTags(OpenApiDocument document)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
