using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Caching;

/// <summary><c>POST /admin/cache/purge</c> on one instance without Redis: who may call it and what it accepts.</summary>
public sealed class CachePurgeTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly DefaultHost _host = host;

    [Fact]
    public async Task Purging_a_tag_makes_the_next_request_render_again()
    {
        const string path = "/api/v2/contacts/iwf";
        await _host.Client.GetAsync(path);
        Assert.Equal("ContentApi; hit", (await _host.Client.GetAsync(path)).CacheStatus());

        var result = await (await PurgeAsync(new { tags = new[] { "kind:contacts" } }, TestKeys.Admin)).JsonAsync();

        Assert.Equal("tags", result.GetProperty("scope").GetString());
        Assert.False(result.GetProperty("reachesOtherInstances").GetBoolean());
        Assert.Equal("this-instance-only", result.GetProperty("delivery").GetString());
        Assert.True((await _host.Client.GetAsync(path)).WasRendered());
        Assert.True(_host.Logged("Cache purge by admin key ops-admin: kind:contacts"), "Cache purge by admin key ops-admin: kind:contacts");
    }

    [Fact]
    public async Task Purging_everything_makes_every_request_render_again()
    {
        string[] paths = ["/api/v1/topics", "/api/v2/forces", "/api/v2/age-bands/8-10/advice"];
        foreach (var path in paths)
        {
            await _host.Client.GetAsync(path);
        }

        var response = await PurgeAsync(new { all = true }, TestKeys.Admin);

        Assert.Equal("all", (await response.JsonAsync()).GetProperty("scope").GetString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        foreach (var path in paths)
        {
            Assert.True((await _host.Client.GetAsync(path)).WasRendered(), path);
        }
    }

    [Fact]
    public async Task Purging_needs_an_admin_key()
    {
        await (await PurgeAsync(new { all = true }, key: null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await PurgeAsync(new { all = true }, TestKeys.Partner)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "{}", "request" },
        { "{\"all\": true, \"tags\": [\"kind:guidance\"]}", "request" },
        { "{\"all\": false}", "request" },
        { "{\"tags\": [\"guidance\"]}", "tags" },
        { "{\"tags\": [\"kind:Guidance\"]}", "tags" },
        { "{\"tags\": [\"plugin:a b\"]}", "tags" },
        { "{\"tags\": \"kind:guidance\"}", "detail" },
        { "not json", "detail" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_purge_request_is_a_400_problem_naming_what_is_wrong(string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var problem = await (await _host.Client.SendAsync(request.WithKey(TestKeys.Admin))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(field == "detail" ? problem.TryGetProperty("detail", out _) : problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_purge_endpoint_is_not_in_the_public_contracts()
    {
        foreach (var version in new[] { "v1", "v2" })
        {
            Assert.DoesNotContain("/admin/cache", await _host.Client.GetStringAsync($"/openapi/{version}.json"), StringComparison.Ordinal);
        }
    }

    private Task<HttpResponseMessage> PurgeAsync(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(body) };
        return _host.Client.SendAsync(key is null ? request : request.WithKey(key));
    }
}
