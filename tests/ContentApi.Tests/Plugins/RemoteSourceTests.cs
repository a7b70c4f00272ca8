using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Plugins;

/// <summary>
/// A plugin whose content comes from a remote source, over the HttpClient the host hands it, against a real local
/// stub upstream: the host's timeout and circuit breaker apply, and the last good content keeps being served.
/// </summary>
public sealed class RemoteSourceTests : IAsyncLifetime
{
    private const string RemoteContent = """
        items:
          - kind: contact
            id: remote-helpline
            name: "Remote helpline"
            description: "A helpline whose details come from a remote source."
            whoFor: "Anyone."
            channels: [ { type: phone, value: "0800 000 0100" } ]
            verification: { status: verified, lastVerified: 2026-01-10 }
            source: { publisher: "Tests", url: "https://example.org/remote" }
            review: { lastReviewed: 2026-01-10, nextReviewDue: 2099-12-31 }
        """;

    private readonly PluginFolders _folders = new();
    private StubUpstream _upstream = null!;
    private TestHost? _host;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _upstream = await StubUpstream.StartAsync(RemoteContent);
        _folders.AddFirstParty("Signposting");
        _folders.AddFixture("RemotePlugin");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _upstream.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task A_failing_upstream_opens_the_circuit_and_the_last_good_content_keeps_being_served()
    {
        await StartHostAsync(attemptTimeout: "00:00:10", failureRatio: "0.5");
        var loaded = await RemotePluginAsync();
        Assert.Equal("healthy", loaded.GetProperty("status").GetString());
        var requestsWhileHealthy = _upstream.Requests;

        _upstream.Mode = StubUpstream.Behaviour.Fail;
        JsonElement failed = default;
        for (var reload = 0; reload < 5 && !Messages(failed).Any(m => m.Contains("BrokenCircuitException", StringComparison.Ordinal)); reload++)
        {
            failed = Remote(await ReloadAsync());
            Assert.Equal("degraded", failed.GetProperty("status").GetString());
            Assert.Equal(loaded.GetProperty("contentLoadedAt").GetDateTimeOffset(), failed.GetProperty("contentLoadedAt").GetDateTimeOffset());
            await AssertRemoteContactServedAsync();
        }

        Assert.Contains(Messages(failed), m => m.StartsWith("loading threw BrokenCircuitException", StringComparison.Ordinal));
        var requestsWhenOpened = _upstream.Requests;
        Assert.True(requestsWhenOpened > requestsWhileHealthy, "The breaker must open because real requests failed.");

        // While the circuit is open, reloads do not reach the upstream at all, and the last good content is served.
        var broken = Remote(await ReloadAsync());
        Assert.Contains(Messages(broken), m => m.StartsWith("loading threw BrokenCircuitException", StringComparison.Ordinal));
        Assert.Equal(requestsWhenOpened, _upstream.Requests);
        await AssertRemoteContactServedAsync();
    }

    [Fact]
    public async Task An_upstream_that_never_answers_is_cut_off_by_the_timeout_and_the_last_good_content_stays()
    {
        // The breaker opens only when every call in its window failed, so this test sees the timeout itself.
        await StartHostAsync(attemptTimeout: "00:00:02", failureRatio: "1.0");
        Assert.Equal("healthy", (await RemotePluginAsync()).GetProperty("status").GetString());

        _upstream.Mode = StubUpstream.Behaviour.Hang;
        var timedOut = Remote(await ReloadAsync());

        Assert.Equal("degraded", timedOut.GetProperty("status").GetString());
        Assert.Contains(Messages(timedOut), m => m.StartsWith("loading threw TimeoutRejectedException", StringComparison.Ordinal));
        await AssertRemoteContactServedAsync();
    }

    private async Task StartHostAsync(string attemptTimeout, string failureRatio)
    {
        _host = await TestHost.Start(o => o.WithPlugins(_folders).WithSettings(
            ("Plugins:WatchForChanges", "false"),
            ("Plugins:Settings:remote:url", _upstream.ContentUrl.ToString()),
            ("Plugins:Http:AttemptTimeout:Timeout", attemptTimeout),
            ("Plugins:Http:TotalRequestTimeout:Timeout", "00:00:25"),
            ("Plugins:Http:Retry:MaxRetryAttempts", "1"),
            ("Plugins:Http:Retry:Delay", "00:00:00.050"),
            ("Plugins:Http:CircuitBreaker:MinimumThroughput", "2"),
            ("Plugins:Http:CircuitBreaker:FailureRatio", failureRatio),
            ("Plugins:Http:CircuitBreaker:SamplingDuration", "00:01:00"),
            ("Plugins:Http:CircuitBreaker:BreakDuration", "00:10:00")));
        _client = _host.Client;
    }

    private async Task AssertRemoteContactServedAsync()
    {
        foreach (var version in new[] { "v1", "v2" })
        {
            var contact = await (await _client.GetAsync($"/api/{version}/contacts/remote-helpline")).JsonAsync();
            Assert.Equal("remote", contact.GetProperty("provenance").GetProperty("plugin").GetString());
        }
    }

    private async Task<JsonElement> RemotePluginAsync() => Remote(await (await _client.GetAsync("/api/v2/plugins")).JsonAsync());

    private async Task<JsonElement> ReloadAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/plugins/reload").WithKey(TestKeys.Admin);
        return await (await _client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
    }

    private static JsonElement Remote(JsonElement plugins) =>
        plugins.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "remote");

    private static List<string> Messages(JsonElement plugin) => plugin.ValueKind == JsonValueKind.Undefined ? [] :
        plugin.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
}
