using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

/// <summary>
/// Quotas: 3 requests a minute anonymous (per address), 5 with a partner key (per key id). The clock is fake and
/// stands 30 s into a window, so the reset times are exact and no window ends mid-test.
/// </summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private const string ProxyAddress = "10.0.0.1";
    private TestHost _host = null!;
    private HttpClient _client = null!;

    // Each test counts its own quotas from zero, so each has its own host.
    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(o => o.WithClock(new DateTimeOffset(2026, 11, 30, 9, 0, 30, TimeSpan.Zero)).WithSettings(
            ("RateLimiting:Anonymous:PermitLimit", "3"),
            ("RateLimiting:Anonymous:Window", "00:01:00"),
            ("RateLimiting:Partner:PermitLimit", "5"),
            ("RateLimiting:Partner:Window", "00:01:00"),
            ("ForwardedHeaders:KnownProxies:0", ProxyAddress)));
        _client = _host.Client;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Anonymous_clients_get_a_429_problem_with_Retry_After_once_over_quota(string version)
    {
        for (var remaining = 2; remaining >= 0; remaining--)
        {
            using var ok = await Send($"/api/{version}/topics", "203.0.113.10");
            await ok.JsonAsync();
            Assert.Equal("3", Header(ok, "RateLimit-Limit"));
            Assert.Equal(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(ok, "RateLimit-Remaining"));
            Assert.Equal("30", Header(ok, "RateLimit-Reset"));
        }

        using var refused = await Send($"/api/{version}/topics", "203.0.113.10");
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("30", Header(refused, "Retry-After"));
        Assert.Equal("0", Header(refused, "RateLimit-Remaining"));
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_client_address_has_its_own_quota_and_it_renews_with_the_window()
    {
        await Exhaust("203.0.113.20", 3);
        await (await Send("/api/v2/topics", "203.0.113.20")).ProblemAsync(HttpStatusCode.TooManyRequests);

        await (await Send("/api/v2/topics", "203.0.113.21")).JsonAsync();
        await (await Send("/api/v2/topics", "2001:db8:1:2::7")).JsonAsync();

        _host.Clock.Advance(TimeSpan.FromSeconds(30));
        await (await Send("/api/v2/topics", "203.0.113.20")).JsonAsync();
    }

    [Fact]
    public async Task An_IPv6_client_is_counted_by_its_slash_64_so_rotating_addresses_does_not_help()
    {
        await (await Send("/api/v2/topics", "2001:db8:5:6::1")).JsonAsync();
        await (await Send("/api/v2/topics", "2001:db8:5:6::2")).JsonAsync();
        await (await Send("/api/v2/topics", "2001:db8:5:6:abcd::3")).JsonAsync();
        await (await Send("/api/v2/topics", "2001:db8:5:6::4")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_partner_key_has_its_own_higher_quota_shared_by_every_address_using_it()
    {
        await Exhaust("203.0.113.30", 3);

        for (var i = 0; i < 5; i++)
        {
            using var ok = await Send("/api/v2/topics", i % 2 == 0 ? "203.0.113.30" : "198.51.100.4", TestKeys.Partner);
            await ok.JsonAsync();
            Assert.Equal("5", Header(ok, "RateLimit-Limit"));
        }

        using var refused = await Send("/api/v2/topics", "198.51.100.5", TestKeys.Partner);
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.DoesNotContain("ask for a partner API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_logs_name_the_key_id_and_never_the_key_or_the_address()
    {
        await Exhaust("203.0.113.40", 5, TestKeys.Partner);
        await (await Send("/api/v2/topics", "203.0.113.40", TestKeys.Partner)).ProblemAsync(HttpStatusCode.TooManyRequests);
        await Exhaust("203.0.113.41", 3);
        await (await Send("/api/v2/topics", "203.0.113.41")).ProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Contains(_host.Logs.Entries.Select(e => e.Message), m => m.Contains("partner-site", StringComparison.Ordinal) && m.Contains("rate limit", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Entries.Select(e => e.Message), m => m.Contains("anonymous client reached its rate limit", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Entries.Select(e => e.Message), m => m.Contains(TestKeys.Partner, StringComparison.Ordinal) || m.Contains("203.0.113.4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guessing_keys_spends_the_guessers_own_quota()
    {
        for (var i = 0; i < 3; i++)
        {
            await (await Send("/api/v2/topics", "203.0.113.50", $"guess-{i}-0123456789")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await Send("/api/v2/topics", "203.0.113.50", "guess-4-0123456789")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Forwarded_addresses_count_only_from_a_known_proxy()
    {
        // From an unknown peer, X-Forwarded-For is ignored: rotating it does not buy a fresh quota.
        for (var i = 0; i < 3; i++)
        {
            await (await Send("/api/v2/topics", "203.0.113.60", forwardedFor: $"192.0.2.{i}")).JsonAsync();
        }

        await (await Send("/api/v2/topics", "203.0.113.60", forwardedFor: "192.0.2.99")).ProblemAsync(HttpStatusCode.TooManyRequests);

        // Through the known proxy, each forwarded client has its own quota.
        await Exhaust(ProxyAddress, 3, forwardedFor: "192.0.2.10");
        await (await Send("/api/v2/topics", ProxyAddress, forwardedFor: "192.0.2.10")).ProblemAsync(HttpStatusCode.TooManyRequests);
        await (await Send("/api/v2/topics", ProxyAddress, forwardedFor: "192.0.2.11")).JsonAsync();
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        await Exhaust("203.0.113.70", 3);

        for (var i = 0; i < 5; i++)
        {
            using var response = await Send("/health/ready", "203.0.113.70");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }
    }

    private async Task Exhaust(string address, int count, string? key = null, string? forwardedFor = null)
    {
        for (var i = 0; i < count; i++)
        {
            await (await Send("/api/v2/topics", address, key, forwardedFor)).JsonAsync();
        }
    }

    private Task<HttpResponseMessage> Send(string url, string address, string? key = null, string? forwardedFor = null)
    {
        var request = TestPeerExtensions.Get(url).From(address);
        if (key is not null)
        {
            request.WithKey(key);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return _client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
