using System.Net;
using System.Net.Http.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// The shipped <c>deploy/varnish.vcl</c> in front of a real API: the edge keeps what the API marks public, and the API
/// purges it (<c>Caching:Edge:PurgeTargets</c>) so that a content change or an admin purge is served through the edge
/// as soon as the API has answered it.
/// </summary>
public sealed class EdgeCacheTests
{
    private const string Topic = "/api/v2/topics";

    [Fact]
    public async Task A_content_change_is_served_through_the_edge_as_soon_as_the_reload_answers()
    {
        var edgeAddress = VarnishServer.ReserveAddress();
        await using var host = await TestHost.Start(o => o.OnKestrel().WithPurgeTarget(edgeAddress)
            .WithPlugins(folders => folders.AddFolder("pack", Pack("Before the edit"))));
        await using var edge = await VarnishServer.StartAsync(edgeAddress, host.Address);
        using var client = new HttpClient { BaseAddress = edge.Address };

        var direct = await host.Client.GetAsync(Topic);
        Assert.Equal("contentapi kind:topics", string.Join(' ', direct.Headers.GetValues("Surrogate-Key")));
        await AssertServedAsync(client, "Before the edit", "Edge; fwd=miss", edge);
        var kept = await AssertServedAsync(client, "Before the edit", "Edge; hit", edge);
        Assert.False(kept.Headers.Contains("Surrogate-Key"), "the keys are for purging, not for partners");

        await File.WriteAllTextAsync(Path.Combine(host.Plugins.Root, "pack", "content", "topics.yaml"), Pack("After the edit")["content/topics.yaml"]);
        await PluginReports.ReloadAsync(host.Client);

        await AssertServedAsync(client, "After the edit", "Edge; fwd=miss", edge);
        await AssertServedAsync(client, "After the edit", "Edge; hit", edge);
    }

    [Fact]
    public async Task An_admin_purge_by_tag_drops_that_kind_at_the_edge_and_keeps_the_rest()
    {
        var edgeAddress = VarnishServer.ReserveAddress();
        await using var host = await TestHost.Start(o => o.OnKestrel().WithPurgeTarget(edgeAddress));
        await using var edge = await VarnishServer.StartAsync(edgeAddress, host.Address);
        using var client = new HttpClient { BaseAddress = edge.Address };
        string[] paths = ["/api/v2/contacts/childline", "/api/v2/topics"];
        foreach (var path in paths)
        {
            await client.GetAsync(path);
            Assert.EndsWith("Edge; hit", (await client.GetAsync(path)).CacheStatus(), StringComparison.Ordinal);
        }

        using var purge = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(new { tags = new[] { "kind:contacts" } }) };
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(purge.WithKey(TestKeys.Admin))).StatusCode);

        Assert.EndsWith("Edge; fwd=miss", (await client.GetAsync(paths[0])).CacheStatus(), StringComparison.Ordinal);
        Assert.EndsWith("Edge; hit", (await client.GetAsync(paths[1])).CacheStatus(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purge_the_edge_missed_is_retried_until_it_answers_and_the_reload_is_not_held_up()
    {
        var edgeAddress = VarnishServer.ReserveAddress();
        await using var host = await TestHost.Start(o => o.OnKestrel().WithPurgeTarget(edgeAddress)
            .WithPlugins(folders => folders.AddFolder("pack", Pack("Before the edit"))));
        Assert.True(host.Logged("did not take the purge of contentapi"), "the startup load's purge found no edge");

        await PluginReports.ReloadAsync(host.Client);
        await using var edge = await VarnishServer.StartAsync(edgeAddress, host.Address);

        await Poll.UntilAsync(() => Task.FromResult(host.Logged("accepted the purge of contentapi on a retry")), "the missed purge reaches the edge once it answers");
    }

    [Fact]
    public async Task A_request_with_an_api_key_always_reaches_the_api_so_its_quota_is_counted()
    {
        var edgeAddress = VarnishServer.ReserveAddress();
        await using var host = await TestHost.Start(o => o.OnKestrel().WithPurgeTarget(edgeAddress));
        await using var edge = await VarnishServer.StartAsync(edgeAddress, host.Address);
        using var client = new HttpClient { BaseAddress = edge.Address };

        var remaining = new List<int>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics").WithKey(TestKeys.Partner);
            var response = await client.SendAsync(request);
            Assert.DoesNotContain("Edge; hit", response.CacheStatus(), StringComparison.Ordinal);
            remaining.Add(int.Parse(response.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(remaining[1] < remaining[0], $"the second keyed request was counted: {string.Join(", ", remaining)}");
    }

    private static async Task<HttpResponseMessage> AssertServedAsync(HttpClient client, string name, string edgeStatus, VarnishServer edge)
    {
        var response = await client.GetAsync(Topic);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{edge.Output}");
        Assert.Contains(name, body, StringComparison.Ordinal);
        Assert.EndsWith(edgeStatus, response.CacheStatus(), StringComparison.Ordinal);
        return response;
    }

    private static Dictionary<string, string> Pack(string topicName) => new()
    {
        ["plugin.json"] = """{ "id": "pack", "name": "Pack", "version": "1.0.0", "publisher": "Test", "contractVersion": "1.0" }""",
        ["content/topics.yaml"] = $$"""
            items:
              - { kind: topic, id: edge-topic, name: "{{topicName}}", source: { publisher: P, url: "https://example.org/" },
                  review: { lastReviewed: 2026-11-29, nextReviewDue: 2027-11-29, owner: O } }
            """,
    };
}
