using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Caching;

/// <summary>Two API instances sharing one real redis-server, as behind a load balancer.</summary>
public sealed class SharedCacheTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private TestHost _hostA = null!;
    private TestHost _hostB = null!;
    private HttpClient _a = null!;
    private HttpClient _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        // Redis is the shared store under test here, not an outage: a generous command timeout keeps a loaded test
        // machine from turning a slow answer into a miss (the read budget is the limit a cached read waits for).
        void Configure(TestHostOptions o) => o.WithRedis(_redis)
            .WithSetting("Caching:Redis:CommandTimeout", "00:00:02")
            .WithSetting("Caching:Redis:ReadBudget", "00:00:02");
        _hostA = await TestHost.Start(Configure);
        _hostB = await TestHost.Start(Configure);
        (_a, _b) = (_hostA.Client, _hostB.Client);
        // Both instances are up and connected before any test runs.
        await Poll.UntilAsync(async () => (await _a.ReadinessAsync()).Status == "Healthy", "instance A to connect to Redis");
        await Poll.UntilAsync(async () => (await _b.ReadinessAsync()).Status == "Healthy", "instance B to connect to Redis");
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_second_instance_serves_from_redis_what_the_first_rendered(string version)
    {
        var path = $"/api/{version}/guidance/the-law-on-nude-images";
        var rendered = await _a.GetAsync(path);
        Assert.Contains("fwd=miss; stored", rendered.CacheStatus());
        await Poll.UntilAsync(async () => (await _redis.KeysAsync($"*|{path}")).Count == 1, "instance A has written the response to Redis");

        var fromRedis = await _b.GetAsync(path);
        var fromMemory = await _b.GetAsync(path);

        Assert.Equal("ContentApi; hit; detail=shared", fromRedis.CacheStatus());
        Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await fromRedis.Content.ReadAsByteArrayAsync());
        Assert.Equal(rendered.Headers.ETag, fromRedis.Headers.ETag);
        Assert.Equal("1.0, 2.0", string.Join(", ", fromRedis.Headers.GetValues("api-supported-versions")));
        Assert.Equal("ContentApi; hit", fromMemory.CacheStatus());
    }

    [Theory]
    [InlineData("kind:guidance", "/api/v2/guidance/when-to-worry", "/api/v2/contacts/ceop")]
    [InlineData("plugin:gloucestershire", "/api/v2/guidance?force=gloucestershire", "/api/v2/topics")] // a plugin purges every kind it supplies
    public async Task A_purge_by_tag_on_one_instance_reaches_the_memory_of_the_other(string tag, string purged, string kept)
    {
        await WarmInBothMemoriesAsync(purged, kept);

        // Nothing renders on A after the purge: a new render there would also tell B to drop its copy.
        var purge = await PurgeAsync(_a, new { tags = new[] { tag } });

        Assert.True(purge.GetProperty("reachesOtherInstances").GetBoolean());
        Assert.Equal("every-instance", purge.GetProperty("delivery").GetString());
        await Poll.UntilAsync(async () => (await _b.GetAsync(purged)).WasRendered(), $"instance B drops its memory copy of {purged}");
        Assert.Equal("ContentApi; hit", (await _b.GetAsync(kept)).CacheStatus());
    }

    [Fact]
    public async Task Purging_everything_reaches_the_other_instance()
    {
        const string forces = "/api/v1/forces/gwent";
        const string contacts = "/api/v1/contacts?age=12";
        await WarmInBothMemoriesAsync(forces, contacts);

        await PurgeAsync(_b, new { all = true });

        await Poll.UntilAsync(async () => (await _a.GetAsync(forces)).WasRendered(), "instance A drops everything");
        Assert.True((await _a.GetAsync(contacts)).WasRendered());
    }

    [Fact]
    public async Task A_purge_made_while_redis_is_frozen_reaches_the_other_instance_when_redis_answers_again()
    {
        const string purged = "/api/v2/contacts/childline";
        const string kept = "/api/v2/age-bands";
        await WarmInBothMemoriesAsync(purged, kept);

        _redis.Pause();
        JsonElement purge;
        try
        {
            purge = await PurgeAsync(_a, new { tags = new[] { "kind:contacts" } });
        }
        finally
        {
            _redis.Resume();
        }

        Assert.Equal("queued-until-redis-answers", purge.GetProperty("delivery").GetString());
        Assert.False(purge.GetProperty("reachesOtherInstances").GetBoolean());
        await Poll.UntilAsync(async () => (await _b.GetAsync(purged)).WasRendered(), "instance B drops its copy once Redis answers again");
        // B may drop its copy first through FusionCache's own backplane recovery; the held purge is recorded at A's next poll.
        await Poll.UntilAsync(
            () => Task.FromResult(_hostA.Logged("Held PurgeTags recorded in the shared event log now that Redis answers")),
            "instance A records the held purge once Redis answers");
        Assert.Equal("ContentApi; hit", (await _b.GetAsync(kept)).CacheStatus());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_hundred_concurrent_requests_for_a_cold_key_render_it_once(string version)
    {
        var path = $"/api/{version}/guidance?audience=professionals&pageSize=50";

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _a.GetAsync(path)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses, r => r.WasRendered());
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
    }

    [Fact]
    public async Task An_admin_reload_on_one_instance_reloads_the_other_over_redis()
    {
        using var reload = new HttpRequestMessage(HttpMethod.Post, "/admin/plugins/reload").WithKey(TestKeys.Admin);

        await (await _a.SendAsync(reload)).JsonAsync();

        await Poll.UntilAsync(() => Task.FromResult(_hostB.Logged("Content loaded (OtherInstance)")), "instance B reloads at instance A's request");
        Assert.True(_hostA.Logged("Content reload recorded in the shared event log over Redis"));
        Assert.False(_hostA.Logged("Content loaded (OtherInstance)"));
    }

    public async Task DisposeAsync()
    {
        await _hostA.DisposeAsync();
        await _hostB.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private async Task WarmInBothMemoriesAsync(params string[] paths)
    {
        // One instance rendering a key tells the other to drop its copy, so warm until both hold it at the same time.
        foreach (var path in paths)
        {
            await Poll.UntilAsync(
                async () => (await _a.GetAsync(path)).CacheStatus() == "ContentApi; hit" & (await _b.GetAsync(path)).CacheStatus() == "ContentApi; hit",
                $"{path} is in both instances' memory");
        }
    }

    private static async Task<JsonElement> PurgeAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(body) };
        return await (await client.SendAsync(request.WithKey(TestKeys.Admin))).JsonAsync();
    }
}
