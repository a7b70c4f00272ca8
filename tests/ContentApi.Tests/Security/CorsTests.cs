using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

public sealed class CorsTests(CorsTests.StrictHost strict, CorsTests.OpenHost open) : IClassFixture<CorsTests.StrictHost>, IClassFixture<CorsTests.OpenHost>
{
    private const string Partner = "https://www.partner.example.org";
    private const string Stranger = "https://evil.example.com";

    private readonly SharedHost _strict = strict;
    private readonly SharedHost _open = open;

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_partner_origin_preflight_may_send_the_api_key(string version)
    {
        using var response = await Preflight(_strict, $"/api/{version}/contacts", Partner, "x-api-key");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Partner, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("x-api-key", Single(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GET", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Equal("600", Single(response, "Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_partner_origin_read_is_allowed_and_can_see_the_rate_limit_headers(string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics").WithKey(TestKeys.Partner);
        request.Headers.Add("Origin", Partner);
        using var response = await _strict.CreateClient().SendAsync(request);

        await response.JsonAsync();
        Assert.Equal(Partner, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("RateLimit-Remaining", Single(response, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_unknown_origin_gets_no_CORS_headers_by_default(string version)
    {
        using var preflight = await Preflight(_strict, $"/api/{version}/contacts", Stranger, "x-api-key");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        request.Headers.Add("Origin", Stranger);
        using var read = await _strict.CreateClient().SendAsync(request);
        await read.JsonAsync();
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task With_anonymous_wildcard_any_origin_may_read_but_not_send_a_key(string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        request.Headers.Add("Origin", Stranger);
        using var read = await _open.CreateClient().SendAsync(request);
        await read.JsonAsync();
        Assert.Equal("*", Single(read, "Access-Control-Allow-Origin"));

        using var keyed = await Preflight(_open, $"/api/{version}/topics", Stranger, "x-api-key");
        Assert.Equal("*", Single(keyed, "Access-Control-Allow-Origin"));
        Assert.DoesNotContain("x-api-key", keyed.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowed) ? string.Join(",", allowed) : string.Empty, StringComparison.OrdinalIgnoreCase);

        using var partner = await Preflight(_open, $"/api/{version}/topics", Partner, "x-api-key");
        Assert.Equal(Partner, Single(partner, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Admin_routes_are_never_offered_to_browsers()
    {
        using var preflight = await Preflight(_open, "/admin/status", Partner, "x-api-key");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/status").WithKey(TestKeys.Admin);
        request.Headers.Add("Origin", Partner);
        using var read = await _open.CreateClient().SendAsync(request);
        await read.JsonAsync();
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> Preflight(SharedHost host, string url, string origin, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return host.CreateClient().SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header; status {(int)response.StatusCode}.");

    /// <summary>Partner origins only.</summary>
    public sealed class StrictHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) => options.WithSetting("Cors:PartnerOrigins:0", Partner);
    }

    /// <summary>Partner origins, and any origin for anonymous reads.</summary>
    public sealed class OpenHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) =>
            options.WithSetting("Cors:PartnerOrigins:0", Partner).WithSetting("Cors:AllowAnyOriginAnonymously", "true");
    }
}
