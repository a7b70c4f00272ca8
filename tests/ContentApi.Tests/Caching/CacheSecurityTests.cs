using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Caching;

/// <summary>Memory hits are answered before routing; they must still honour every API key rule.</summary>
public sealed class CacheSecurityTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly DefaultHost _host = host;

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_cached_response_is_refused_to_a_revoked_or_unknown_key(string version)
    {
        var path = $"/api/{version}/topics";
        await WarmAsync(path);

        foreach (var key in new[] { TestKeys.Revoked, "not-a-key-we-issued" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path).WithKey(key);
            await (await _host.Client.SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_cached_response_is_refused_when_a_key_is_sent_in_the_url(string version)
    {
        var path = $"/api/{version}/age-bands";
        await WarmAsync(path);

        await (await _host.Client.GetAsync($"{path}?api_key={TestKeys.Partner}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await _host.Client.GetAsync($"{path}?API_KEY={TestKeys.Partner}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_partner_key_gets_the_cached_response_after_its_key_is_checked(string version)
    {
        var path = $"/api/{version}/forces/gwent";
        var anonymous = await WarmAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithKey(TestKeys.Partner);
        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ContentApi; hit", response.CacheStatus());
        Assert.Equal(anonymous.Headers.ETag, response.Headers.ETag);
    }

    private async Task<HttpResponseMessage> WarmAsync(string path)
    {
        await _host.Client.GetAsync(path);
        var cached = await _host.Client.GetAsync(path);
        Assert.Equal("ContentApi; hit", cached.CacheStatus());
        return cached;
    }
}
