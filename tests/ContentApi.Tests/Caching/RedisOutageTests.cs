using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Caching;

/// <summary>
/// Redis is a shared second level, never a single point of failure: the API starts without it, keeps answering from
/// memory and plugins while it is killed or frozen, reports Degraded (not Unhealthy), and reconnects by itself.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly string[] WarmPaths = ["/api/v2/guidance/online-grooming-signs", "/api/v1/contacts/childline"];

    [Fact]
    public async Task The_api_starts_and_serves_without_redis_and_uses_it_once_it_appears()
    {
        await using var redis = RedisServer.NotStarted();
        await using (var host = await TestHost.Start(o => o.WithRedis(redis)))
        {
            var client = host.Client;
            await AssertEveryRequestSucceedsAsync(client, pageSize: 11);
            var readiness = await client.ReadinessAsync();
            Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded"), (readiness.Http, readiness.Status, readiness.Checks["redis"]));
            Assert.True(host.Logged("is not reachable; serving from memory"), "is not reachable; serving from memory");

            await redis.StartAgainAsync();

            await AssertReconnectsAndWritesToRedisAsync(client, redis, pageSize: 21);
        }
    }

    public enum Outage
    {
        /// <summary>The process is killed, as a crash would; it is started again on the same port.</summary>
        Killed,

        /// <summary>The process is frozen (SIGSTOP): connections stay open but nothing answers; then SIGCONT.</summary>
        Frozen,
    }

    [Theory]
    [InlineData(Outage.Killed)]
    [InlineData(Outage.Frozen)]
    public async Task A_redis_outage_under_load_costs_no_request_and_the_api_reconnects_by_itself(Outage outage)
    {
        await using (var host = await TestHost.Start(o => o.WithRedis()))
        {
            var (client, redis) = (host.Client, host.Redis);
            await AssertEveryRequestSucceedsAsync(client, pageSize: 12);

            if (outage == Outage.Killed)
            {
                redis.Kill();
            }
            else
            {
                redis.Pause();
            }

            await AssertEveryRequestSucceedsAsync(client, pageSize: 13 + (int)outage);
            await Poll.UntilAsync(async () => (await client.ReadinessAsync()) is { Http: HttpStatusCode.OK, Status: "Degraded" }, "readiness reports Degraded");
            Assert.Equal("Degraded", (await client.ReadinessAsync()).Checks["redis"]);

            if (outage == Outage.Killed)
            {
                await redis.StartAgainAsync();
            }
            else
            {
                redis.Resume();
            }

            await AssertReconnectsAndWritesToRedisAsync(client, redis, pageSize: 22 + (int)outage);
        }
    }

    [Fact]
    public async Task A_cache_miss_waits_on_a_frozen_redis_for_its_read_budget_not_the_command_timeout()
    {
        // A command may take 30 s here, so a miss that waited on Redis for a command would take 30 s; the read budget
        // is 100 ms. The bound asserted is far from both, so a loaded machine cannot blur the difference.
        var commandTimeout = TimeSpan.FromSeconds(30);
        await using var host = await TestHost.Start(o => o.WithRedis().WithSettings(
            ("Caching:Redis:CommandTimeout", commandTimeout.ToString()),
            ("Caching:Redis:ReadBudget", "00:00:00.100"),
            ("Caching:Redis:CircuitBreakerDuration", "00:00:00")));
        var client = host.Client;
        await Poll.UntilAsync(async () => (await client.ReadinessAsync()).Status == "Healthy", "the instance connects to Redis");

        host.Redis.Pause();
        try
        {
            foreach (var page in Enumerable.Range(1, 5))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var response = await client.GetAsync($"/api/v2/guidance?page={page}&pageSize=1");
                var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("fwd=miss", response.CacheStatus());
                Assert.True(waited < commandTimeout / 3, $"miss {page} waited {waited.TotalMilliseconds:F0} ms on a frozen Redis");
            }
        }
        finally
        {
            host.Redis.Resume();
        }
    }

    /// <summary>
    /// Cached keys and cold keys alike, concurrently: every one must be a 200 with content. Each phase's page size makes
    /// its keys new (only parameters the endpoint binds make a key).
    /// </summary>
    private static async Task AssertEveryRequestSucceedsAsync(HttpClient client, int pageSize)
    {
        var cold = Enumerable.Range(0, 20).Select(i => $"/api/v2/guidance?page={i + 1}&pageSize={pageSize}");
        var requests = Enumerable.Repeat(WarmPaths, 10).SelectMany(p => p).Concat(cold).Select(client.GetAsync);

        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.NotNull(r.Headers.ETag));
    }

    private static async Task AssertReconnectsAndWritesToRedisAsync(HttpClient client, RedisServer redis, int pageSize)
    {
        await Poll.UntilAsync(async () => (await client.ReadinessAsync()).Status == "Healthy", "readiness is Healthy again (reconnected by itself)");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v2/guidance?pageSize={pageSize}")).StatusCode);
        await Poll.UntilAsync(async () => (await redis.KeysAsync($"*|/api/v2/guidance?pagesize={pageSize}|*")).Count > 0, "a new response reaches Redis again");
    }
}
