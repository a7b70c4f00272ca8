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
            await AssertEveryRequestSucceedsAsync(client, "absent");
            var readiness = await client.ReadinessAsync();
            Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded"), (readiness.Http, readiness.Status, readiness.Checks["redis"]));
            Assert.True(host.Logged("is not reachable; serving from memory"), "is not reachable; serving from memory");

            await redis.StartAgainAsync();

            await AssertReconnectsAndWritesToRedisAsync(client, redis, "/api/v2/topics?after=start");
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
            await AssertEveryRequestSucceedsAsync(client, "up");

            if (outage == Outage.Killed)
            {
                redis.Kill();
            }
            else
            {
                redis.Pause();
            }

            await AssertEveryRequestSucceedsAsync(client, outage.ToString());
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

            await AssertReconnectsAndWritesToRedisAsync(client, redis, $"/api/v2/topics?after={outage}");
        }
    }

    /// <summary>Cached keys and cold keys alike, concurrently: every one must be a 200 with content.</summary>
    private static async Task AssertEveryRequestSucceedsAsync(HttpClient client, string phase)
    {
        var cold = Enumerable.Range(0, 20).Select(i => $"/api/v2/guidance?page={i + 1}&phase={phase}");
        var requests = Enumerable.Repeat(WarmPaths, 10).SelectMany(p => p).Concat(cold).Select(client.GetAsync);

        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.NotNull(r.Headers.ETag));
    }

    private static async Task AssertReconnectsAndWritesToRedisAsync(HttpClient client, RedisServer redis, string coldPath)
    {
        await Poll.UntilAsync(async () => (await client.ReadinessAsync()).Status == "Healthy", "readiness is Healthy again (reconnected by itself)");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(coldPath)).StatusCode);
        await Poll.UntilAsync(async () => (await redis.KeysAsync("*|/api/v2/topics?after=*")).Count > 0, "a new response reaches Redis again");
    }
}
