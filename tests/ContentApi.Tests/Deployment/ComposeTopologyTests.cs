using System.Net;
using System.Net.Http.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// docker-compose.yml's topology as native processes (there is no Docker engine here): one redis-server, two API
/// instances as their own processes, and the shipped <c>deploy/nginx.conf</c> in front. Through nginx, as partners see
/// it: requests reach both instances, a purge made on one reaches the other, a partner's quota is one quota across
/// both, and stopping an instance while requests flow loses none of them.
/// </summary>
public sealed class ComposeTopologyTests
{
    private const int PartnerLimit = 5;

    [Fact]
    public async Task Two_instances_behind_nginx_act_as_one_and_losing_one_loses_no_request()
    {
        await using var redis = await RedisServer.StartAsync();
        // The instances differ only in their Cache-Control max-age, so a response says which one answered.
        await using var a = await TestHost.Start(o => Instance(o, redis, maxAge: "00:05:00"));
        await using var b = await TestHost.Start(o => Instance(o, redis, maxAge: "00:05:01"));
        await using var nginx = await NginxServer.StartAsync(a.Address, b.Address);
        using var edge = new HttpClient { BaseAddress = nginx.Address };
        await Poll.UntilAsync(async () => (await a.Client.ReadinessAsync()).Status == "Healthy", "instance A to connect to Redis");
        await Poll.UntilAsync(async () => (await b.Client.ReadinessAsync()).Status == "Healthy", "instance B to connect to Redis");

        var answeredBy = new HashSet<TimeSpan?>();
        await Poll.UntilAsync(
            async () =>
            {
                var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => edge.GetAsync("/api/v2/topics")));
                answeredBy.UnionWith(responses.Select(r => r.Headers.CacheControl?.MaxAge));
                return answeredBy.Count == 2;
            },
            $"nginx to send requests to both instances\n{nginx.Output}");

        await AssertAPurgeOnOneReachesTheOtherAsync(a, b);
        await AssertThePartnerQuotaIsSharedAsync(edge);
        await AssertStoppingAnInstanceLosesNoRequestAsync(edge, b, nginx);
    }

    private static void Instance(TestHostOptions options, RedisServer redis, string maxAge) => options.AsProcess().WithRedis(redis).WithSettings(
        ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"),
        ("Caching:Http:MaxAge", maxAge),
        ("Caching:Redis:CommandTimeout", "00:00:02"),
        ("Caching:Redis:ReadBudget", "00:00:02"),
        ("RateLimiting:Anonymous:PermitLimit", "1000000"),
        // Hour-long windows: the suite clock starts on the hour and no run lasts an hour, so no window ends mid-test.
        ("RateLimiting:Partner:PermitLimit", PartnerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RateLimiting:Partner:Window", "01:00:00"),
        ("Shutdown:Timeout", "00:00:30"));

    private static async Task AssertAPurgeOnOneReachesTheOtherAsync(TestHost a, TestHost b)
    {
        const string path = "/api/v2/contacts/childline";
        await Poll.UntilAsync(
            async () => (await a.Client.GetAsync(path)).CacheStatus() == "ContentApi; hit" & (await b.Client.GetAsync(path)).CacheStatus() == "ContentApi; hit",
            "both instances hold the contact in memory");

        using var purge = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(new { tags = new[] { "kind:contacts" } }) };
        var result = await (await a.Client.SendAsync(purge.WithKey(TestKeys.Admin))).JsonAsync();

        Assert.Equal("every-instance", result.GetProperty("delivery").GetString());
        await Poll.UntilAsync(async () => (await b.Client.GetAsync(path)).WasRendered(), "instance B drops its copy after A's purge");
    }

    private static async Task AssertThePartnerQuotaIsSharedAsync(HttpClient edge)
    {
        for (var i = 0; i < PartnerLimit; i++)
        {
            await (await PartnerGetAsync(edge)).JsonAsync();
        }

        // Each instance learns the other's count within a sync; after that, every request is refused, wherever it lands.
        await Poll.UntilAsync(
            async () => (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PartnerGetAsync(edge)))).All(r => r.StatusCode == HttpStatusCode.TooManyRequests),
            "both instances refuse the partner over its one quota");
    }

    private static async Task<HttpResponseMessage> PartnerGetAsync(HttpClient edge)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics");
        return await edge.SendAsync(request.WithKey(TestKeys.Partner));
    }

    private static async Task AssertStoppingAnInstanceLosesNoRequestAsync(HttpClient edge, TestHost stopped, NginxServer nginx)
    {
        using var stop = new CancellationTokenSource();
        var statuses = new List<HttpStatusCode>();
        var traffic = Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await edge.GetAsync($"/api/v2/guidance?page={worker + 1}&pageSize=1");
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }
            }
        }));

        await Poll.UntilAsync(() => Task.FromResult(Count(statuses) >= 20), "requests flowing through nginx");
        stopped.Process.Terminate();
        Assert.True(await stopped.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"instance B did not stop:\n{stopped.Process.Output}");
        var atExit = Count(statuses);
        await Poll.UntilAsync(() => Task.FromResult(Count(statuses) >= atExit + 20), "requests still flowing after instance B stopped");
        await stop.CancelAsync();
        await traffic;

        Assert.True(statuses.All(s => s == HttpStatusCode.OK), $"{statuses.Count(s => s != HttpStatusCode.OK)} of {statuses.Count} requests failed while an instance stopped:\n{nginx.Output}");
    }

    private static int Count(List<HttpStatusCode> statuses)
    {
        lock (statuses)
        {
            return statuses.Count;
        }
    }
}
