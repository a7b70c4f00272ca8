using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>
/// How the committed contracts read to a partner: each error status shows an example of its own (not the 404 the
/// problem schema carries), enums say they are strings (Swagger UI showed "any", generators wrote unknown), and every
/// parameter says what it means and shows a value to try.
/// </summary>
public sealed class ContractPresentationTests
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
        var paths = (await Committed(version))["paths"]!.AsObject();

        var undocumented = paths
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Method: operation.Key, Operation: operation.Value!)))
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o.Path, o.Method, Parameter: p!)))
            .Select(p => (p.Path, p.Method, Name: p.Parameter["name"]!.GetValue<string>(),
                Missing: string.Join(" and ", new[]
                {
                    string.IsNullOrWhiteSpace(p.Parameter["description"]?.GetValue<string>()) ? "description" : null,
                    p.Parameter["example"] is null && p.Parameter["examples"] is null ? "example" : null,
                }.OfType<string>())))
            .Where(p => p.Missing.Length > 0)
            .Select(p => $"{p.Method.ToUpperInvariant()} {p.Path} '{p.Name}' has no {p.Missing}")
            .ToList();

        Assert.True(undocumented.Count == 0, string.Join(Environment.NewLine, undocumented));
    }

    private static async Task<JsonNode> Committed(string version) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Repository.ContractPath(version)))!;
}
