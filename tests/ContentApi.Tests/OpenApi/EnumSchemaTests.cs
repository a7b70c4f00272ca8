using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>Enums say they are strings, so Swagger UI does not show "any" and generators do not write unknown.</summary>
public sealed class EnumSchemaTests
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_enum_schema_states_its_type(string version)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Repository.ContractPath(version)))!;

        var untyped = document["components"]!["schemas"]!.AsObject()
            .Where(s => s.Value?["enum"] is not null && s.Value["type"] is null)
            .Select(s => s.Key)
            .ToList();

        Assert.True(untyped.Count == 0, $"enum schemas without a type: {string.Join(", ", untyped)}");
    }
}
