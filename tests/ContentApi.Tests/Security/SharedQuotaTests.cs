using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

/// <summary>
/// Two instances sharing one real redis-server share each client's quota: a partner over quota on one is over quota
/// on the other. Without Redis answering, each instance still counts on its own: never no limit, never refusing all.
/// </summary>
public sealed class SharedQuotaTests : IAsyncLifetime
{
    private const int PartnerLimit = 5;
    private RedisServer _redis = null!;
    private TestHost _a = null!;
    private TestHost _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        // Hour-long windows: the suite clock starts on the hour and no run lasts an hour, so no window ends mid-test.
        void Configure(TestHostOptions o) => o.WithRedis(_redis).WithSettings(
            ("RateLimiting:Partner:PermitLimit", PartnerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimiting:Partner:Window", "01:00:00"),
            ("RateLimiting:Anonymous:PermitLimit", "3"),
            ("RateLimiting:Anonymous:Window", "01:00:00"),
            ("Caching:Redis:CommandTimeout", "00:00:02"));
        _a = await TestHost.Start(Configure);
        _b = await TestHost.Start(Configure);
        await Poll.UntilAsync(async () => (await _a.Client.ReadinessAsync()).Status == "Healthy", "instance A to connect to Redis");
        await Poll.UntilAsync(async () => (await _b.Client.ReadinessAsync()).Status == "Healthy", "instance B to connect to Redis");
    }

    [Fact]
    public async Task A_partner_over_quota_on_one_instance_is_over_quota_on_the_other()
    {
        for (var i = 0; i < PartnerLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(_a.Client, TestKeys.Partner)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(_a.Client, TestKeys.Partner)).StatusCode);
        // B learns A's count at its next sync with Redis; until then it may grant what it has not heard of.
        await Poll.UntilAsync(
            async () => (await GetAsync(_b.Client, TestKeys.Partner)).StatusCode == HttpStatusCode.TooManyRequests,
            "instance B refuses the partner A counted to its limit");
        var refused = await GetAsync(_b.Client, TestKeys.Partner);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("0", refused.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task Without_redis_each_instance_counts_on_its_own_and_still_limits()
    {
        _redis.Kill();

        // The anonymous quota is 3 per address, so each instance grants 3 and refuses the 4th on its own count.
        foreach (var host in new[] { _a, _b })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, key: null)).StatusCode);
            }

            await (await GetAsync(host.Client, key: null)).ProblemAsync(HttpStatusCode.TooManyRequests);
        }
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics");
        return await client.SendAsync(key is null ? request : request.WithKey(key));
    }
}
