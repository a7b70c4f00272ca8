using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// Parameters bound as plain strings (to give a clear 400 rather than a binding failure) get the constraints the API
/// really applies: the id and locale patterns and lengths the content validator enforces, and the enum words, which
/// every parameter shares by reference to one named schema (inlined per parameter, NSwag made Audience2..Audience5).
/// </summary>
internal static class ParameterSchemas
{
    /// <summary>The query words, by parameter name: the schema they share, its words, and what it says when only a parameter uses it.</summary>
    private static readonly Dictionary<string, SharedEnum> EnumParameters = new(StringComparer.Ordinal)
    {
        ["audience"] = new("Audience", EnumText.Names<Audience>(), "Who content is written for."),
        ["channel"] = new("ChannelType", EnumText.Names<ChannelType>(), "The kinds of channel."),
        ["format"] = new("BodyFormat", EnumText.Names<Content.BodyFormat>(), "The forms a guidance body is served in."),
        ["status"] = new(
            "ReviewStatusFilter",
            EnumText.Names<Content.ReviewStatus>().Where(s => s != "current").ToList(),
            "The review states the reviews list can be narrowed to (current items are not listed)."),
    };

    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.ParameterDescription?.Name)
        {
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

    /// <summary>Points every enum parameter at its shared schema, adding the schema when no response uses it.</summary>
    public static Task ShareEnums(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = (document.Components ??= new OpenApiComponents()).Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var parameters = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Parameters ?? [])
            .OfType<OpenApiParameter>();
        foreach (var parameter in parameters)
        {
            if (parameter.Name is not { } name || !EnumParameters.TryGetValue(name, out var shared))
            {
                continue;
            }

            if (!schemas.TryGetValue(shared.SchemaId, out var existing))
            {
                schemas[shared.SchemaId] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = shared.Words.Select(w => (JsonNode)w).ToList(), Description = shared.Description };
            }
            else if (!(existing.Enum ?? []).Select(w => w.ToString()).SequenceEqual(shared.Words, StringComparer.Ordinal))
            {
                // Sharing must not change what the parameter accepts: a response enum with other words gets its own name.
                throw new InvalidOperationException($"Parameter '{name}' accepts {string.Join(", ", shared.Words)}, but schema {shared.SchemaId} lists other words.");
            }

            parameter.Schema = new OpenApiSchemaReference(shared.SchemaId, document);
        }

        return Task.CompletedTask;
    }

    private sealed record SharedEnum(string SchemaId, IReadOnlyList<string> Words, string Description);
}
