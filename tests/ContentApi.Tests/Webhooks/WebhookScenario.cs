using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Webhooks;

/// <summary>
/// What the webhook tests share: a content pack in a temporary plugins folder that a test edits and reloads (as an
/// admin's POST /admin/plugins/reload does), a host set up to call a loopback receiver quickly, and the admin calls.
/// </summary>
public sealed class WebhookScenario : IDisposable
{
    public WebhookScenario()
    {
        var pack = Plugins.AddFolder("pack", new Dictionary<string, string>
        {
            ["plugin.json"] = """{ "id": "pack", "name": "Pack", "version": "1.0.0", "publisher": "Test force", "contractVersion": "1.0" }""",
        });
        Content = Path.Combine(pack, "content");
        Directory.CreateDirectory(Content);
        WriteGuidance("stay-calm", "Take a breath first.", "2026-11-20T10:00:00Z");
    }

    public PluginFolders Plugins { get; } = new();

    public string Content { get; }

    /// <summary>A host over the pack, polling every 100 ms, retrying after 200 ms, ×1.5, <paramref name="retries"/> times, allowed to call loopback over http.</summary>
    public TestHostOptions Configure(TestHostOptions options, int retries = 6, bool allowPrivate = true, string firstRetry = "00:00:00.200") => options
        .WithPlugins(Plugins)
        .WithSettings(
            ("Plugins:WatchForChanges", "false"),
            ("Webhooks:AllowHttp", "true"),
            ("Webhooks:AllowPrivateNetworks", allowPrivate ? "true" : "false"),
            ("Webhooks:PollInterval", "00:00:00.100"),
            ("Webhooks:FirstRetryDelay", firstRetry),
            ("Webhooks:BackoffFactor", "1.5"),
            ("Webhooks:Retries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Webhooks:Timeout", "00:00:10"),
            ("Webhooks:ClaimLease", "00:00:30"));

    public void WriteGuidance(string id, string body, string updated) => File.WriteAllText(
        Path.Combine(Content, $"{id}.md"), ContentPackFiles.DatedGuidance(id, id, body, updated, lastReviewed: "2026-11-01", nextReviewDue: "2027-11-01"));

    /// <summary>Edits the pack's item and reloads, as an author's change reaches the host.</summary>
    public async Task ChangeContentAsync(TestHost host, string body = "Take a breath first. Then listen.")
    {
        WriteGuidance("stay-calm", body, "2026-11-25T10:00:00Z");
        await PluginReports.ReloadAsync(host.Client);
    }

    public static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, Uri url, object? extra = null)
    {
        var created = await (await SendAsync(client, HttpMethod.Post, "/admin/webhooks", extra ?? new { url, events = new[] { "content.created", "content.updated", "content.withdrawn", "content.withheld" } }))
            .JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    public static async Task<JsonElement> DeliveriesAsync(HttpClient client, string subscriptionId) =>
        await (await SendAsync(client, HttpMethod.Get, $"/admin/webhooks/{subscriptionId}/deliveries")).JsonAsync();

    /// <summary>Polls the deliveries until one satisfies <paramref name="condition"/>, and returns it.</summary>
    public static async Task<JsonElement> DeliveryWhenAsync(HttpClient client, string subscriptionId, Func<JsonElement, bool> condition, string what)
    {
        JsonElement found = default;
        await Poll.UntilAsync(
            async () =>
            {
                var match = (await DeliveriesAsync(client, subscriptionId)).EnumerateArray().Where(condition).ToList();
                found = match.FirstOrDefault();
                return match.Count > 0;
            },
            what);
        return found;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string key = TestKeys.Admin)
    {
        using var request = new HttpRequestMessage(method, path).WithKey(key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public void Dispose() => Plugins.Dispose();
}
