using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>
/// "required" in the committed contracts means what the API does: every operation answers 200 to its required
/// parameters alone (each given its documented example), and a 400 naming each one left out. A parameter the API
/// needs but the contract calls optional (signposting's age and audience, the changes feed's since, before) fails here.
/// </summary>
public sealed class ContractRequiredParametersTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_operation_needs_exactly_the_parameters_its_contract_requires(string version)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Repository.ContractPath(version)))!;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var parameters = item!["get"]!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            var path = parameters.Where(p => In(p, "path")).Aggregate(template, (url, p) => url.Replace($"{{{Name(p)}}}", Example(p), StringComparison.Ordinal));
            var required = parameters.Where(p => In(p, "query") && p["required"]?.GetValue<bool>() == true).ToList();

            var answer = await _client.GetAsync(path + Query(required));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {path}{Query(required)}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");

            foreach (var left in required)
            {
                var request = path + Query(required.Where(p => p != left));
                var problem = await (await _client.GetAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
                Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(Name(left), out _), $"GET {request}: no error names '{Name(left)}': {problem}");
            }
        }
    }

    private static string Query(IEnumerable<JsonNode> parameters) =>
        string.Concat(parameters.Select((p, i) => $"{(i == 0 ? '?' : '&')}{Name(p)}={Uri.EscapeDataString(Example(p))}"));

    private static bool In(JsonNode parameter, string place) => parameter["in"]!.GetValue<string>() == place;

    private static string Name(JsonNode parameter) => parameter["name"]!.GetValue<string>();

    private static string Example(JsonNode parameter) =>
        parameter["example"] is JsonValue example && example.GetValueKind() == JsonValueKind.String ? example.GetValue<string>() : parameter["example"]!.ToJsonString();
}
