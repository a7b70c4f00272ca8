using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// Makes schemas say what the wire really sends, where the generator cannot know it: the properties every problem body
/// carries beyond RFC 9457's five (set in <c>Infrastructure/ProblemHandling.cs</c>), that enums are strings, and opening times, which are local
/// UK clock times (<c>10:00:00</c>) rather than RFC 3339 times with an offset (what <c>format: time</c> means).
/// </summary>
internal static class WireSchemas
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (typeof(ProblemDetails).IsAssignableFrom(type))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MaxLength = 128,
                Description = "The request's trace id (also sent as X-Request-Id); quote it when reporting a problem.",
            };
            schema.Properties["supportedVersions"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^v[0-9]+$", MaxLength = 8 },
                MaxItems = 16,
                Description = "Only when the requested API version does not exist: the versions that do.",
            };
        }
        else if (schema.Enum is { Count: > 0 } && schema.Type is null && (type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true))
        {
            // Enums are written as kebab-case words: say so, or Swagger UI shows "any" and generators write unknown.
            schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        }
        else if (type == typeof(TimeOnly) || type == typeof(TimeOnly?))
        {
            schema.Format = null;
            schema.Pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
            schema.Description = "A local UK clock time, hh:mm:ss (24-hour).";
            schema.Examples = [JsonValue.Create("09:00:00")];
        }

        return Task.CompletedTask;
    }
}
