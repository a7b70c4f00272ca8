using ContentApi.Abstractions;
using ContentApi.Content;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>Query parameters that take an enum word are bound as strings (to give a clear 400); list their values.</summary>
internal static class EnumSchemas
{
    public static Task DescribeQueryEnums(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.ParameterDescription?.Name;
        var values = name switch
        {
            "audience" => EnumText.Names<Audience>(),
            "channel" => EnumText.Names<ChannelType>(),
            _ => null,
        };
        if (values is not null)
        {
            schema.Enum = values.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToList();
        }

        return Task.CompletedTask;
    }
}
