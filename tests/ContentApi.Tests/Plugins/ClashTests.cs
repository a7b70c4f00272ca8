using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ContentApi.Tests.Plugins;

/// <summary>
/// Clashes between plugins never lose content: an edit or a dropped-in folder that clashes with what is served is
/// refused, the last good content keeps being served, and the refusal is logged with the folder, listed in
/// <c>/api/v2/plugins</c> and reported as Degraded by <c>/health/ready</c>. Real folders, real host, reloads by the admin route.
/// </summary>
public sealed class ClashTests : IDisposable
{
    private const string OwnOverride = "id: test-force-101\n    overrides: police-101\n";

    private readonly PluginFolders _folders = new();
    private readonly string _pack;

    public ClashTests()
    {
        _folders.AddFirstParty("Signposting");
        _folders.AddFirstParty("Guidance");
        _pack = _folders.AddFolder("TestForcePack", ContentPackFiles.Pack());
    }

    public static TheoryData<string, string> ClashingEdits => new()
    {
        // The force's 101 written with the national id and no overrides: it would have replaced nothing and lost the override.
        { "id: police-101\n", "id: contact 'police-101' (en-GB) is already supplied by plugin 'signposting'" },
        { OwnOverride.Replace("overrides: police-101", "overrides: police-110", StringComparison.Ordinal), "overrides: no national contact 'police-110' is loaded" },
    };

    [Theory]
    [MemberData(nameof(ClashingEdits))]
    public async Task A_reload_that_brings_a_clash_is_refused_and_the_last_good_content_keeps_being_served(string edit, string error)
    {
        await using var host = await StartHost();
        var client = host.Client;
        var goodSince = (await PackAsync(client)).GetProperty("contentLoadedAt").GetDateTimeOffset();

        var contacts = Path.Combine(_pack, "content", "contacts.yaml");
        var edited = File.ReadAllText(contacts).Replace(OwnOverride, edit, StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(contacts), edited);
        File.WriteAllText(contacts, edited);
        var pack = Pack(await ReloadAsync(client));

        Assert.Equal("degraded", pack.GetProperty("status").GetString());
        Assert.Equal(goodSince, pack.GetProperty("contentLoadedAt").GetDateTimeOffset());
        var problems = pack.GetProperty("problems").EnumerateArray().ToList();
        Assert.StartsWith("the new content was not accepted", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(problems, p => p.GetProperty("severity").GetString() == "error"
            && p.GetProperty("location").GetString()!.StartsWith("content/contacts.yaml:", StringComparison.Ordinal)
            && p.GetProperty("message").GetString()!.StartsWith(error, StringComparison.Ordinal));

        Assert.Equal("test-force-101", await IdServedAsync(client, "/api/v2/contacts/police-101?force=test-force"));
        Assert.Equal("police-101", await IdServedAsync(client, "/api/v2/contacts/police-101"));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains(_pack, StringComparison.Ordinal) && e.Message.Contains("refused", StringComparison.Ordinal));
        await AssertDegradedAsync(client, "content refused: test-force-pack");
    }

    [Fact]
    public async Task A_new_pack_overriding_an_item_that_does_not_exist_is_served_without_that_item()
    {
        File.WriteAllText(Path.Combine(_pack, "content", "contacts.yaml"),
            ContentPackFiles.Contacts("101@test-force.example.org").Replace("overrides: police-101", "overrides: police-110", StringComparison.Ordinal));
        await using var host = await StartHost();
        var client = host.Client;

        var pack = await PackAsync(client);
        Assert.Equal("degraded", pack.GetProperty("status").GetString());
        Assert.Contains(pack.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error"
            && p.GetProperty("message").GetString()!.StartsWith("overrides: no national contact 'police-110'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v2/contacts/test-force-101?force=test-force")).StatusCode);
        Assert.Equal("police-101", await IdServedAsync(client, "/api/v2/contacts/police-101?force=test-force"));
        Assert.Contains("test-force-local-advice", (await (await client.GetAsync("/api/v2/guidance?force=test-force")).JsonAsync()).Items().Ids());
    }

    [Fact]
    public async Task A_copy_dropped_in_with_the_same_plugin_id_never_takes_the_working_plugins_place()
    {
        await using var host = await StartHost();
        var client = host.Client;

        // "AaaCopy" sorts before "TestForcePack": folder order alone would have let the copy win.
        var copy = _folders.AddFolder("AaaCopy", ContentPackFiles.Pack(email: "copy@test-force.example.org"));
        var plugins = (await ReloadAsync(client)).GetProperty("plugins").EnumerateArray().Where(p => p.GetProperty("id").GetString() == "test-force-pack").ToList();

        Assert.Equal(2, plugins.Count);
        var refused = Assert.Single(plugins, p => p.GetProperty("status").GetString() == "faulted");
        Assert.Contains("already used by the plugin in 'TestForcePack'", refused.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", Assert.Single(plugins, p => p.GetProperty("status").GetString() != "faulted").GetProperty("status").GetString());
        var contact = await (await client.GetAsync("/api/v2/contacts/police-101?force=test-force")).JsonAsync();
        Assert.DoesNotContain(contact.GetProperty("channels").EnumerateArray(), c => c.GetProperty("value").GetString() == "copy@test-force.example.org");
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains(copy, StringComparison.Ordinal) && e.Message.Contains("already used", StringComparison.Ordinal));
        await AssertDegradedAsync(client, "faulted: test-force-pack");
    }

    [Fact]
    public async Task A_second_code_plugin_with_the_same_id_is_refused_before_any_of_its_code_runs()
    {
        // Two real copies of one plugin assembly on disk: "RecordingPlugin" comes first in name order and keeps the id.
        var keeper = _folders.AddFixture("RecordingPlugin");
        var copy = _folders.AddFixture("RecordingPlugin", "RecordingPluginCopy");
        await using var host = await StartHost();
        var client = host.Client;

        var plugins = (await (await client.GetAsync("/api/v2/plugins")).JsonAsync()).GetProperty("plugins").EnumerateArray().Where(p => p.GetProperty("id").GetString() == "recording").ToList();
        var refused = Assert.Single(plugins, p => p.GetProperty("status").GetString() == "faulted");
        Assert.Contains("already used by the plugin in 'RecordingPlugin'", refused.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", Assert.Single(plugins, p => p.GetProperty("status").GetString() != "faulted").GetProperty("status").GetString());
        Assert.Equal("recording-helpline", await IdServedAsync(client, "/api/v2/contacts/recording-helpline"));

        var logs = host.Logs.Entries;
        Assert.Contains(logs, e => e.Message.Contains(RecordingPluginLoad + keeper, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, e => e.Message.Contains(RecordingPluginLoad + copy, StringComparison.Ordinal));
        Assert.Contains(logs, e => e.Level == LogLevel.Error && e.Message.Contains(copy, StringComparison.Ordinal) && e.Message.Contains(keeper, StringComparison.Ordinal));
        await AssertDegradedAsync(client, "faulted: recording");
    }

    public void Dispose() => _folders.Dispose();

    // What the RecordingPlugin fixture logs each time its LoadAsync runs, followed by its folder.
    private const string RecordingPluginLoad = "RecordingPlugin.LoadAsync ran in ";

    private Task<TestHost> StartHost() => TestHost.Start(o => o.WithPlugins(_folders).WithSetting("Plugins:WatchForChanges", "false"));

    private static Task<JsonElement> ReloadAsync(HttpClient client) => PluginReports.ReloadAsync(client);

    private static JsonElement Pack(JsonElement plugins) => PluginReports.Plugin(plugins, "test-force-pack");

    private static Task<JsonElement> PackAsync(HttpClient client) => PluginReports.PluginAsync(client, "test-force-pack");

    private static async Task<string?> IdServedAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).JsonAsync()).GetProperty("id").GetString();

    private static async Task AssertDegradedAsync(HttpClient client, string reason)
    {
        var health = await (await client.GetAsync("/health/ready")).JsonAsync();
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Contains(reason, health.GetProperty("checks").GetProperty("plugins").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
