using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// Parameters bound as plain strings (to give a clear 400 rather than a binding failure) get the constraints the API
/// really applies: the enum words, and the id and locale patterns and lengths the content validator enforces.
/// </summary>
internal static class ParameterSchemas
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.ParameterDescription?.Name)
        {
            case "audience":
                schema.Enum = Words(EnumText.Names<Audience>());
                break;
            case "channel":
                schema.Enum = Words(EnumText.Names<ChannelType>());
                break;
            case "format":
                schema.Enum = Words(EnumText.Names<Content.BodyFormat>());
                break;
            case "status":
                schema.Enum = Words(EnumText.Names<Content.ReviewStatus>().Where(s => s != "current"));
                break;
            case "id" or "adviceId" or "topic" or "ageBand" or "force" or "plugin":
                schema.Pattern = ContentValidator.IdPatternText;
                schema.MaxLength = ContentValidator.MaxIdLength;
                break;
            case "locale":
                schema.Pattern = ContentValidator.LocalePatternText;
                schema.MaxLength = ContentValidator.MaxLocaleLength;
                break;
        }

        return Task.CompletedTask;
    }

    private static List<System.Text.Json.Nodes.JsonNode> Words(IEnumerable<string> values) =>
        values.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToList();
}
