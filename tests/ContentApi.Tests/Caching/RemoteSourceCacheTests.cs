using System.Net;
using ContentApi.Host.Plugins;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.Tests.Caching;

/// <summary>
/// The forces plugin against a local data.police.uk-compatible stub (real Kestrel on 127.0.0.1): refresh, offline
/// fallback, stale-if-error across instances through Redis, and one upstream call however many loads want it.
/// </summary>
public sealed class RemoteSourceCacheTests : IAsyncLifetime
{
    private StubForcesUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await StubForcesUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_directory_is_refreshed_from_the_upstream_and_keeps_what_it_does_not_list(string version)
    {
        await using (var host = await TestHost.Start(o => o.WithForcesUpstream(_upstream)))
        {
            var client = host.Client;
            var forces = await (await client.GetAsync($"/api/{version}/forces")).JsonAsync();
            var kent = await (await client.GetAsync($"/api/{version}/forces/kent")).JsonAsync();

            Assert.Equal(46, forces.GetArrayLength()); // 45 shipped + one the upstream adds
            Assert.Contains("example-new-force", forces.Ids());
            Assert.Equal("Police Scotland", (await (await client.GetAsync($"/api/{version}/forces/police-scotland")).JsonAsync()).GetProperty("name").GetString());
            Assert.Equal(StubForcesUpstream.NameOf("kent", "v1"), kent.GetProperty("name").GetString());
            Assert.Equal("https://www.kent.police.uk/", kent.GetProperty("website").GetString()); // the shipped https address of the same site
            Assert.Equal("facebook", kent.GetProperty("engagementMethods")[0].GetProperty("type").GetString());
            Assert.Equal("127.0.0.1", kent.GetProperty("provenance").GetProperty("sourcePublisher").GetString());
            Assert.Equal(1, _upstream.HitsOn("/api/forces/kent"));
        }
    }

    [Fact]
    public async Task With_the_upstream_down_at_first_start_the_shipped_snapshot_is_served_and_the_failure_logged()
    {
        _upstream.Mode = UpstreamMode.Failing;
        await using (var host = await TestHost.Start(o => o.WithForcesUpstream(_upstream)))
        {
            var client = host.Client;
            var kent = await (await client.GetAsync("/api/v2/forces/kent")).JsonAsync();

            Assert.Equal("Kent Police", kent.GetProperty("name").GetString());
            Assert.Equal(45, (await (await client.GetAsync("/api/v2/forces")).JsonAsync()).GetArrayLength());
            Assert.True(host.Logged("failed (it answered 503) and no earlier copy is cached"), "failed (it answered 503) and no earlier copy is cached");
            Assert.True(host.Logged("Could not refresh the forces directory"), "Could not refresh the forces directory");
        }
    }

    [Theory]
    [InlineData(UpstreamMode.Failing, "00:00:30", "serving the last good copy")]
    [InlineData(UpstreamMode.Slow, "00:00:00.300", "is slower than")]
    public async Task When_the_upstream_fails_or_is_slow_another_instance_serves_the_last_good_copy(UpstreamMode mode, string slowAfter, string logged)
    {
        await using var redis = await RedisServer.StartAsync();
        // Copies go stale at once, so the second instance must try the upstream before it may fall back. A failing
        // upstream is retried by the plugin client, so it is given time to fail rather than be taken for a slow one.
        // Redis itself is not under test here: generous connect and command timeouts keep a loaded test machine from
        // starting an instance without Redis (its copies would then stay in its memory only).
        void Configure(TestHostOptions o) => o.WithRedis(redis).WithForcesUpstream(_upstream).WithSettings(
            ("Caching:RemoteSources:Duration", "00:00:00.010"),
            ("Caching:RemoteSources:SlowSourceTimeout", slowAfter),
            ("Caching:Redis:CommandTimeout", "00:00:10"),
            ("Caching:Redis:ReadBudget", "00:00:10"),
            ("Caching:Redis:ConnectTimeout", "00:00:10"));

        await using (var first = await TestHost.Start(Configure))
        {
            var firstClient = first.Client;
            var fresh = await (await firstClient.GetAsync("/api/v2/forces/kent")).JsonAsync();
            Assert.Equal(StubForcesUpstream.NameOf("kent", "v1"), fresh.GetProperty("name").GetString());

            // The first instance is stopped straight after its load; in production it would live on. So wait until its
            // copies are in Redis (a write that fails is retried in the background) rather than race the stop.
            var copies = new[] { "*src|*/api/forces", "*src|*/api/forces/kent" };
            var seen = string.Empty;
            try
            {
                await Poll.UntilAsync(
                    async () =>
                    {
                        var missing = new List<string>();
                        foreach (var copy in copies)
                        {
                            if ((await redis.KeysAsync(copy)).Count == 0)
                            {
                                missing.Add(copy);
                            }
                        }

                        seen = $"missing {string.Join(", ", missing)} among {(await redis.KeysAsync("*")).Count} keys";
                        return missing.Count == 0;
                    },
                    "the first instance's copies of the directory and of kent to be in Redis",
                    TimeSpan.FromSeconds(30));
            }
            catch (Xunit.Sdk.XunitException e)
            {
                var warnings = first.Logs.Entries.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Category}: {l.Message}").Take(10);
                throw new Xunit.Sdk.XunitException($"{e.Message} Last look: {seen}. Warnings: {string.Join(" | ", warnings)}");
            }
        }

        _upstream.Version = "v2";
        _upstream.Mode = mode;
        // The list is fetched before any detail, so it always reaches the upstream; detail fetches may not, once enough
        // of them have failed to open the circuit breaker (which is the point of having one).
        var callsBefore = _upstream.HitsOn("/api/forces");
        await using (var second = await TestHost.Start(Configure))
        {
            var secondClient = second.Client;
            var served = await (await secondClient.GetAsync("/api/v2/forces/kent")).JsonAsync();

            Assert.Equal(StubForcesUpstream.NameOf("kent", "v1"), served.GetProperty("name").GetString());
            Assert.True(_upstream.HitsOn("/api/forces") > callsBefore, "the second instance must have tried the upstream first");
            Assert.Contains(second.Logs.Entries, e => e.Message.Contains(logged, StringComparison.Ordinal) && e.Message.Contains("/api/forces/kent", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_hundred_concurrent_loads_of_a_cold_source_make_one_upstream_call()
    {
        const string path = "/api/forces/stampede-check";
        _upstream.SlowPath = path;
        _upstream.SlowDelay = TimeSpan.FromMilliseconds(500);
        await using (var host = await TestHost.Start(o => o.WithForcesUpstream(_upstream)))
        {
            var plugins = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(PluginLoader.HttpClientName);
            var source = new Uri(_upstream.BaseAddress, path.TrimStart('/'));

            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => plugins.GetAsync(source)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.Single(bodies.Distinct());
            Assert.Equal(1, _upstream.HitsOn(path));
        }
    }
}
