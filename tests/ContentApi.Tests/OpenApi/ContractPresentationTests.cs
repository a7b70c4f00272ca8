using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>
/// How the committed contracts read to a partner: each error status shows an example of its own (not the 404 the
/// problem schema carries), enums say they are strings (Swagger UI showed "any", generators wrote unknown), and every
/// parameter says what it means and shows a value to try; enum parameters share named schemas, and v2's names read as
/// a partner would write them.
/// </summary>
public sealed partial class ContractPresentationTests
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Each_shared_error_response_shows_an_example_with_its_own_status(string version)
    {
        var responses = (await Committed(version))["components"]!["responses"]!.AsObject();

        foreach (var (name, status) in new[] { ("Unauthorized", 401), ("TooManyRequests", 429), ("InternalServerError", 500) })
        {
            var example = responses[name]!["content"]!["application/problem+json"]!["example"];
            Assert.True(example is not null, $"{name} has no example");
            Assert.Equal(status, example!["status"]!.GetValue<int>());
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_enum_schema_states_its_type(string version)
    {
        var untyped = (await Committed(version))["components"]!["schemas"]!.AsObject()
            .Where(s => s.Value?["enum"] is not null && s.Value["type"] is null)
            .Select(s => s.Key)
            .ToList();

        Assert.True(untyped.Count == 0, $"enum schemas without a type: {string.Join(", ", untyped)}");
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_parameter_has_a_description_and_an_example(string version)
    {
        var undocumented = Parameters(await Committed(version))
            .Select(p => (p.Operation, Name: p.Parameter["name"]!.GetValue<string>(),
                Missing: string.Join(" and ", new[]
                {
                    string.IsNullOrWhiteSpace(p.Parameter["description"]?.GetValue<string>()) ? "description" : null,
                    p.Parameter["example"] is null && p.Parameter["examples"] is null ? "example" : null,
                }.OfType<string>())))
            .Where(p => p.Missing.Length > 0)
            .Select(p => $"{p.Operation} '{p.Name}' has no {p.Missing}")
            .ToList();

        Assert.True(undocumented.Count == 0, string.Join(Environment.NewLine, undocumented));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Enum_parameters_share_a_named_schema_rather_than_inlining_their_words(string version)
    {
        var inlined = Parameters(await Committed(version))
            .Where(p => p.Parameter["schema"]?["enum"] is not null)
            .Select(p => $"{p.Operation} '{p.Parameter["name"]}'")
            .ToList();

        Assert.True(inlined.Count == 0, $"parameters with an inline enum (NSwag makes a numbered type for each): {string.Join(", ", inlined)}");
    }

    [Fact]
    public async Task V2_names_read_as_a_partner_would_write_them()
    {
        var document = await Committed("v2");
        var operationIds = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>()));
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key);

        Assert.All(operationIds, id => Assert.Matches(PartnerOperationId(), id));
        Assert.All(schemas, name => Assert.DoesNotMatch(GeneratorLookingSchemaName(), name));
    }

    private static IEnumerable<(string Operation, JsonNode Parameter)> Parameters(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Operation: operation.Value!)))
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o.Name, p!)));

    // One verb pattern: List for a collection, Get for one thing (GetSignposting), and no version suffix.
    [GeneratedRegex("^(List|Get)[A-Z][A-Za-z]*(?<!V[0-9])$")]
    private static partial Regex PartnerOperationId();

    // PagedResultOfGuidanceResource, SignpostingResponseOfContactResourceV2, ContactResourceV2.
    [GeneratedRegex("Of[A-Z][A-Za-z]*(Resource|V[0-9]+)$|V[0-9]+$")]
    private static partial Regex GeneratorLookingSchemaName();

    private static async Task<JsonNode> Committed(string version) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Repository.ContractPath(version)))!;
}
