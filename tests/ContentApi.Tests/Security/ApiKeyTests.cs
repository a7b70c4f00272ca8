using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

public sealed class ApiKeyTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Anonymous_reads_are_allowed() =>
        await (await _client.GetAsync("/api/v2/topics")).JsonAsync();

    [Fact]
    public async Task A_valid_partner_key_is_accepted_on_public_routes() =>
        await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics").WithKey(TestKeys.Partner))).JsonAsync();

    [Theory]
    [InlineData(TestKeys.Revoked, "revoked")]
    [InlineData("not-a-key-we-issued", "not recognised")]
    public async Task A_revoked_or_unknown_key_is_a_401_problem_even_on_public_routes(string key, string reason)
    {
        var problem = await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics").WithKey(key)))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v2/topics?api_key=" + TestKeys.Partner)]
    [InlineData("/api/v1/guidance?apikey=" + TestKeys.Partner)]
    [InlineData("/admin/status?key=" + TestKeys.Admin)]
    public async Task A_key_in_the_query_string_is_refused_with_401(string url)
    {
        var problem = await (await _client.GetAsync(url)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Admin_routes_need_a_key() =>
        await (await _client.GetAsync("/admin/status")).ProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_partner_key_on_an_admin_route_is_403() =>
        await (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/status").WithKey(TestKeys.Partner)))
            .ProblemAsync(HttpStatusCode.Forbidden);

    [Fact]
    public async Task An_admin_key_opens_admin_routes_which_are_never_cached()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/status").WithKey(TestKeys.Admin));
        var status = await response.JsonAsync();

        Assert.Equal("ops-admin", status.GetProperty("keyId").GetString());
        Assert.Equal(5, status.GetProperty("plugins").GetArrayLength());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Admin_routes_are_absent_from_the_public_contracts()
    {
        foreach (var version in new[] { "v1", "v2" })
        {
            var document = await _client.GetStringAsync($"/openapi/{version}.json");
            Assert.DoesNotContain("/admin", document, StringComparison.Ordinal);
        }
    }
}
