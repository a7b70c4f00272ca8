using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

public sealed class VersioningAndErrorsTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Responses_report_the_supported_versions(string version)
    {
        var response = await _client.GetAsync($"/api/{version}/topics");

        Assert.Equal("1.0, 2.0", string.Join(", ", response.Headers.GetValues("api-supported-versions")));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_version_may_be_written_long_or_in_capitals_and_means_the_same(string version)
    {
        var canonical = await _client.GetAsync($"/api/{version}/contacts/childline");
        var body = await canonical.Content.ReadAsStringAsync();

        foreach (var path in new[] { $"/api/{version}.0/contacts/childline", $"/API/{version.ToUpperInvariant()}/contacts/childline" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
            Assert.Equal(canonical.Headers.Contains("Deprecation"), response.Headers.Contains("Deprecation"));
        }
    }

    [Fact]
    public async Task V1_is_marked_deprecated_with_a_sunset_date_and_a_migration_link()
    {
        var response = await _client.GetAsync("/api/v1/topics");

        Assert.True(response.Headers.Contains("Deprecation"));
        Assert.True(response.Headers.Contains("Sunset"));
        var links = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains("</docs/migrating-to-v2>", links);
        Assert.Contains("rel=\"deprecation\"", links);
        var guide = await _client.GetAsync("/docs/migrating-to-v2");
        Assert.Equal(HttpStatusCode.OK, guide.StatusCode);
        Assert.Contains("channels", await guide.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_migration_guide_served_is_the_one_in_docs_and_the_v1_description_links_to_it()
    {
        using var guide = await _client.GetAsync("/docs/migrating-to-v2");
        var v1 = System.Text.Json.Nodes.JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal("text/markdown", guide.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "migrating-to-v2.md")), await guide.Content.ReadAsStringAsync());
        Assert.Contains("](/docs/migrating-to-v2)", v1["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_is_not_deprecated()
    {
        var response = await _client.GetAsync("/api/v2/topics");

        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
    }

    [Theory]
    [InlineData("/api/v3/guidance")]
    [InlineData("/api/v0/contacts/childline")]
    [InlineData("/api/vX/topics")]
    public async Task An_unsupported_version_is_a_problem_naming_the_supported_ones(string path)
    {
        var problem = await (await _client.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("v1, v2", problem.GetProperty("detail").GetString());
        Assert.Equal(["v1", "v2"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    public static TheoryData<string, string, string> BadQueries => new()
    {
        { "v1", "/guidance?age=abc", "age" },
        { "v2", "/guidance?age=abc", "age" },
        { "v1", "/guidance?age=-3", "age" },
        { "v2", "/guidance?age=-3", "age" },
        { "v1", "/guidance?age=121", "age" },
        { "v1", "/guidance?pageSize=0", "pageSize" },
        { "v2", "/guidance?pageSize=101", "pageSize" },
        { "v1", "/guidance?page=0", "page" },
        { "v2", "/guidance?page=abc", "page" },
        { "v1", "/guidance?audience=teachers", "audience" },
        { "v2", "/guidance?audience=teachers", "audience" },
        { "v1", "/guidance?topic=cooking", "topic" },
        { "v2", "/guidance?ageBand=2-3", "ageBand" },
        { "v1", "/guidance?locale=not%20a%20locale", "locale" },
        { "v2", "/guidance?force=Not%20A%20Force", "force" },
        { "v1", "/contacts?age=abc", "age" },
        { "v2", "/contacts?age=-1", "age" },
        { "v1", "/contacts?channel=pigeon", "channel" },
        { "v2", "/contacts?channel=pigeon", "channel" },
        { "v2", "/contacts?audience=x", "audience" },
        { "v1", "/age-bands/8-10/advice?topic=x", "topic" },
        { "v2", "/age-bands/8-10/advice?audience=x", "audience" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_a_400_problem_that_names_the_parameter(string version, string pathAndQuery, string parameter)
    {
        var problem = await (await _client.GetAsync($"/api/{version}{pathAndQuery}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"{parameter}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported_at_once()
    {
        var problem = await (await _client.GetAsync("/api/v2/guidance?age=-3&pageSize=0&audience=foo")).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");

        Assert.True(errors.TryGetProperty("age", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.True(errors.TryGetProperty("audience", out _));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem() =>
        await (await _client.GetAsync("/no/such/route")).ProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var live = await (await _client.GetAsync("/health/live")).JsonAsync();
        var ready = await (await _client.GetAsync("/health/ready")).JsonAsync();

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Swagger_ui_offers_both_versions()
    {
        var page = await _client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var config = await _client.GetStringAsync("/swagger/index.js");
        Assert.Contains("/openapi/v1.json", config);
        Assert.Contains("/openapi/v2.json", config);
    }
}
