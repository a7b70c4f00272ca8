using System.Globalization;
using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// The shipped nginx configuration in front of a real API on Kestrel: what the public entrance refuses, in every
/// spelling the API's router would accept, and that it hides nothing the API counts.
/// </summary>
public sealed class NginxEdgeTests
{
    // nginx reaches the API from loopback: the API trusts it for X-Forwarded-For, as compose trusts nginx's network.
    private static readonly (string Key, string? Value)[] BehindNginx = [("ForwardedHeaders:KnownProxies:0", "127.0.0.1")];

    [Fact]
    public async Task Metrics_and_admin_are_refused_at_the_edge_in_any_case_or_spelling_while_the_api_keeps_its_own_checks()
    {
        await using var host = await TestHost.Start(o => o.OnKestrel().WithRedis().WithSettings(BehindNginx)
            .WithSetting("Observability:MetricsAllowedNetworks:0", "10.9.0.0/24"));
        await using var nginx = await NginxServer.StartAsync(host.Address);

        foreach (var target in new[] { "/metrics", "/Metrics", "/metrics/", "/METRICS/", "//metrics", "/./metrics", "/%6detrics", "/admin", "/admin/", "/ADMIN/x", "/Admin/plugins/reload", "/%61dmin/cache/purge" })
        {
            var refused = await RawHttp.GetAsync(nginx.Address, target, "X-Api-Key: " + TestKeys.Admin);
            AssertNginxProblem(refused, 404, target);
        }

        var served = await RawHttp.GetAsync(nginx.Address, "/api/v2/topics");
        Assert.True(served.Status == 200, $"/api/v2/topics through nginx:\n{served}\n{nginx.Output}");

        // Behind the edge the API still refuses metrics to callers outside the scrapers' network (here not loopback).
        using var direct = await host.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);

        var readiness = await RawHttp.GetAsync(nginx.Address, "/health/ready");
        Assert.Equal(200, readiness.Status);
        Assert.Contains("\"redis\":{\"status\":\"Healthy\"", readiness.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Redis.Port.ToString(CultureInfo.InvariantCulture), readiness.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", readiness.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_key_in_the_query_string_is_refused_and_still_counted_against_the_callers_quota(bool throughNginx)
    {
        await using var host = await TestHost.Start(o => o.OnKestrel().WithSettings(BehindNginx)
            .WithClock(new DateTimeOffset(2026, 11, 30, 9, 0, 30, TimeSpan.Zero))
            .WithSettings(("RateLimiting:Anonymous:PermitLimit", "3"), ("RateLimiting:Anonymous:Window", "00:01:00")));
        await using var nginx = throughNginx ? await NginxServer.StartAsync(host.Address) : null;
        using var client = new HttpClient { BaseAddress = nginx?.Address ?? host.Address };

        foreach (var parameter in new[] { "api_key", "apikey", "key" })
        {
            await (await client.GetAsync($"/api/v2/topics?{parameter}={TestKeys.Partner}")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await client.GetAsync("/api/v2/topics")).ProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetAsync($"/api/v2/topics?api_key={TestKeys.Partner}")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    /// <summary>An answer nginx wrote itself: an RFC 9457 problem with the security headers, the API never asked.</summary>
    internal static void AssertNginxProblem(RawResponse response, int status, string what)
    {
        Assert.True(response.Status == status, $"{what}: expected {status}, got:\n{response}");
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.StartsWith("default-src 'none'", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(response.Header("X-Request-Id"), problem.GetProperty("traceId").GetString());
    }
}
