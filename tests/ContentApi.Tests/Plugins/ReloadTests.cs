using System.Net;
using System.Runtime.Loader;
using System.Text.Json;
using ContentApi.Host.Plugins;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.Tests.Plugins;

/// <summary>
/// Reloading without a restart, on real folders: through <c>POST /admin/plugins/reload</c> and through the folder
/// watcher. Each test gets its own host and folder because it edits files.
/// </summary>
public sealed class ReloadTests : IDisposable
{
    private const string NewEmail = "new-101@test-force.example.org";

    private readonly PluginFolders _folders = new();
    private readonly string _pack;
    private readonly RecordingBroadcaster _broadcaster = new();

    public ReloadTests()
    {
        _folders.AddFirstParty("Signposting");
        _folders.AddFirstParty("Guidance");
        _pack = _folders.AddFolder("TestForcePack", ContentPackFiles.Pack());
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "content/contacts.yaml", ContentPackFiles.Contacts(NewEmail).Replace("value: \"101\"", "value: \"one-oh-one\"", StringComparison.Ordinal), "content/contacts.yaml:2:5 (contact 'test-force-101')" },
        { "content/contacts.yaml", ContentPackFiles.Contacts(NewEmail) + "  - kind: [unclosed\n", "content/contacts.yaml:" },
        { "plugin.json", "{ \"id\": \"test-force-pack\", ", "plugin.json" },
    };

    [Fact]
    public async Task Reload_needs_an_admin_key()
    {
        await using var host = await StartHost();
        var client = host.Client;

        await (await client.PostAsync("/admin/plugins/reload", null)).ProblemAsync(HttpStatusCode.Unauthorized);
        using var partner = new HttpRequestMessage(HttpMethod.Post, "/admin/plugins/reload").WithKey(TestKeys.Partner);
        await (await client.SendAsync(partner)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, _broadcaster.Published);
    }

    [Fact]
    public async Task An_admin_reload_serves_changed_files_at_once_and_tells_the_other_instances()
    {
        await using var host = await StartHost();
        var client = host.Client;
        Assert.NotEqual(NewEmail, await LocalEmailAsync(client));
        var before = (await PackAsync(client)).GetProperty("contentLoadedAt").GetDateTimeOffset();

        File.WriteAllText(Path.Combine(_pack, "content/contacts.yaml"), ContentPackFiles.Contacts(NewEmail));
        var reloaded = await ReloadAsync(client);

        var pack = Pack(reloaded);
        Assert.Equal("healthy", pack.GetProperty("status").GetString());
        Assert.True(pack.GetProperty("contentLoadedAt").GetDateTimeOffset() > before);
        Assert.Equal(NewEmail, await LocalEmailAsync(client));
        Assert.Equal(1, _broadcaster.Published);
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_reload_with_broken_content_keeps_the_last_good_content_and_says_why(string file, string text, string location)
    {
        await using var host = await StartHost();
        var client = host.Client;
        var goodEmail = await LocalEmailAsync(client);
        var goodSince = (await PackAsync(client)).GetProperty("contentLoadedAt").GetDateTimeOffset();

        File.WriteAllText(Path.Combine(_pack, file), text);
        var pack = Pack(await ReloadAsync(client));

        Assert.Equal("degraded", pack.GetProperty("status").GetString());
        Assert.Equal(goodSince, pack.GetProperty("contentLoadedAt").GetDateTimeOffset());
        var problems = pack.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal("reload", problems[0].GetProperty("location").GetString());
        Assert.StartsWith("the new content was not accepted", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(problems.Skip(1), p => p.GetProperty("location").GetString()!.StartsWith(location, StringComparison.Ordinal)
            && p.GetProperty("severity").GetString() == "error");
        Assert.Equal(goodEmail, await LocalEmailAsync(client));
        Assert.Contains("test-force-local-advice", (await (await client.GetAsync("/api/v2/guidance?force=test-force")).JsonAsync()).Items().Ids());

        // Once the author fixes the files, the next reload goes through.
        foreach (var (path, fixedText) in ContentPackFiles.Pack(email: NewEmail))
        {
            File.WriteAllText(Path.Combine(_pack, path), fixedText);
        }

        Assert.Equal("healthy", Pack(await ReloadAsync(client)).GetProperty("status").GetString());
        Assert.Equal(NewEmail, await LocalEmailAsync(client));
    }

    [Fact]
    public async Task A_code_plugins_content_files_are_re_read_by_the_same_instance_without_a_restart()
    {
        var signposting = _folders.AddFirstParty("Signposting", "SignpostingCopy");
        var manifest = Path.Combine(signposting, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"id\": \"signposting\"", "\"id\": \"signposting-reloaded\"", StringComparison.Ordinal));
        string[] contactFiles = [Path.Combine(signposting, "content/contacts.yaml"), Path.Combine(signposting, "content/contacts.cy-GB.yaml")];
        await using var host = await StartHost();
        var client = host.Client;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v2/contacts/reload-posh")).StatusCode);

        // The contact and its Welsh translation. POSH, because the safety invariants require Childline and would refuse its loss.
        foreach (var contacts in contactFiles)
        {
            File.WriteAllText(contacts, File.ReadAllText(contacts).Replace("id: posh", "id: reload-posh", StringComparison.Ordinal));
        }

        await ReloadAsync(client);
        await ReloadAsync(client);

        var contact = await (await client.GetAsync("/api/v2/contacts/reload-posh")).JsonAsync();
        Assert.Equal("signposting-reloaded", contact.GetProperty("provenance").GetProperty("plugin").GetString());
        Assert.Single(AssemblyLoadContext.All, c => c.Name == "plugin:signposting-reloaded");
    }

    [Fact]
    public async Task The_folder_watcher_reloads_changed_and_new_plugins_and_keeps_the_last_good_content_on_errors()
    {
        await using var host = await StartHost(("Plugins:WatchForChanges", "true"), ("Plugins:ReloadDebounce", "00:00:00.300"));
        var client = host.Client;

        File.WriteAllText(Path.Combine(_pack, "content/contacts.yaml"), ContentPackFiles.Contacts(NewEmail));
        await Poll.UntilAsync(async () => await LocalEmailAsync(client) == NewEmail, "the changed email to be served");

        _folders.AddFolder("OtherForcePack", new Dictionary<string, string>
        {
            ["plugin.json"] = ContentPackFiles.JsonManifest("dropped-in").Replace("test-force", "dropped-force", StringComparison.Ordinal),
            ["content/contacts.yaml"] = ContentPackFiles.Contacts("101@dropped-force.example.org").Replace("test-force-101", "dropped-force-101", StringComparison.Ordinal),
        });
        await Poll.UntilAsync(async () => (await client.GetAsync("/api/v2/contacts/dropped-force-101?force=dropped-force")).StatusCode == HttpStatusCode.OK, "a dropped-in pack to be served");

        File.WriteAllText(Path.Combine(_pack, "content/contacts.yaml"), ContentPackFiles.Contacts("not an email"));
        await Poll.UntilAsync(async () => (await PackAsync(client)).GetProperty("status").GetString() == "degraded", "the broken edit to be reported");
        Assert.Equal(NewEmail, await LocalEmailAsync(client));
        Assert.Equal(0, _broadcaster.Published);
    }

    public void Dispose() => _folders.Dispose();

    private Task<TestHost> StartHost(params (string Key, string? Value)[] settings) => TestHost.Start(o => o
        .WithPlugins(_folders)
        .WithSettings([("Plugins:WatchForChanges", "false"), .. settings])
        .WithServices(s => s.AddSingleton<IContentReloadBroadcaster>(_broadcaster)));

    private static Task<JsonElement> ReloadAsync(HttpClient client) => PluginReports.ReloadAsync(client);

    private static JsonElement Pack(JsonElement plugins) => PluginReports.Plugin(plugins, "test-force-pack");

    private static Task<JsonElement> PackAsync(HttpClient client) => PluginReports.PluginAsync(client, "test-force-pack");

    private static async Task<string?> LocalEmailAsync(HttpClient client)
    {
        var contact = await (await client.GetAsync("/api/v2/contacts/police-101?force=test-force")).JsonAsync();
        Assert.Equal("test-force-101", contact.GetProperty("id").GetString());
        return contact.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "email").GetProperty("value").GetString();
    }

    /// <summary>Counts broadcasts instead of sending them: there is one instance in a test.</summary>
    private sealed class RecordingBroadcaster : IContentReloadBroadcaster
    {
        private int _published;

        public int Published => Volatile.Read(ref _published);

        public Task PublishAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _published);
            return Task.CompletedTask;
        }
    }
}
