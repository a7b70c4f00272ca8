using System.Text.Json;
using ContentApi.Plugins.Testing;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ContentApi.Tests.Plugins;

/// <summary>
/// One host whose plugins folder holds every kind of broken plugin beside working ones, all real folders and
/// assemblies on disk. The host must start, the working plugins must serve, and each problem must be reported.
/// </summary>
public sealed class BrokenPluginsHost : SharedHost
{
    // The load timeout is the production default, long enough that the real plugins beside the hanging one load in
    // time on a loaded 2-core machine (10 s was not: at a load average of 60 the real plugins were abandoned too). The
    // folder never changes, so the watcher is off.
    protected override void Configure(TestHostOptions options) => options
        .WithSettings(("Plugins:LoadTimeout", "00:00:30"), ("Plugins:WatchForChanges", "false"))
        .WithPlugins(AddPlugins);

    private static void AddPlugins(PluginFolders folders)
    {
        folders.AddFirstParty("Signposting");
        folders.AddFirstParty("Gloucestershire");
        folders.AddFirstParty("Guidance");
        var forces = folders.AddFirstParty("Forces", "ForcesWithContractCopy");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ContentApi.Abstractions.dll"), Path.Combine(forces, "ContentApi.Abstractions.dll"));
        folders.AddFixture("ThrowingPlugin");
        folders.AddFixture("HangingPlugin");
        folders.AddFixture("InvalidContentPlugin");
        var notDotNet = folders.AddFolder("NotDotNet", new Dictionary<string, string>
        {
            ["plugin.json"] = ContentPackFiles.Manifest("not-dotnet", assembly: "NotDotNet.dll"),
        });
        File.WriteAllBytes(Path.Combine(notDotNet, "NotDotNet.dll"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        folders.AddFolder("NoManifest", new Dictionary<string, string> { ["content/contacts.yaml"] = "items: []\n" });
        folders.AddFolder("BadJson", new Dictionary<string, string> { ["plugin.json"] = "{\n  \"id\": \"bad-json\",\n  \"name\": \n" });
        folders.AddFolder("FutureContract", new Dictionary<string, string> { ["plugin.json"] = ContentPackFiles.Manifest("future-contract", contract: "2.0") });
        folders.AddFolder("MissingAssembly", new Dictionary<string, string> { ["plugin.json"] = ContentPackFiles.Manifest("missing-assembly", assembly: "Missing.dll") });
        folders.AddFolder("zz-duplicate", new Dictionary<string, string> { ["plugin.json"] = ContentPackFiles.Manifest("signposting") });
    }
}

public sealed class PluginIsolationTests(BrokenPluginsHost host) : IClassFixture<BrokenPluginsHost>
{
    public static TheoryData<string, string, string> Failures => new()
    {
        { "ThrowingPlugin", "faulted", "loading threw InvalidOperationException: The upstream source refused the connection." },
        { "HangingPlugin", "faulted", "loading took longer than 30 s and was abandoned" },
        { "NotDotNet", "faulted", "'NotDotNet.dll' is not a .NET assembly" },
        { "NoManifest", "faulted", "no plugin.json (or plugin.yaml) in the plugin folder" },
        { "BadJson", "faulted", "plugin.json cannot be read:" },
        { "FutureContract", "faulted", "built for contract [2.0,3.0), but this host implements contract 1.3.0: rebuild the plugin against ContentApi.Abstractions 1.x and set contractVersion to \"1.0\"" },
        { "MissingAssembly", "faulted", "assembly 'Missing.dll' was not found in the plugin folder" },
        { "zz-duplicate", "faulted", "plugin id 'signposting' is already used by the plugin in 'Signposting'; ids must be unique" },
        { "ForcesWithContractCopy", "degraded", "the plugin ships its own copy of the contract; the host's copy is used instead" },
        { "InvalidContentPlugin", "degraded", "channels[0].value: 'http://example.org/help' must be an absolute https address" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_broken_plugin_is_reported_with_its_reason_in_both_versions(string folder, string status, string reason)
    {
        foreach (var version in new[] { "v1", "v2" })
        {
            var plugin = await PluginInFolder(version, folder);

            Assert.Equal(status, plugin.GetProperty("status").GetString());
            Assert.Contains(plugin.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_other_plugin_keeps_serving(string version)
    {
        var contacts = (await (await host.Client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items();
        var local = (await (await host.Client.GetAsync($"/api/{version}/contacts?force=gloucestershire&pageSize=100")).JsonAsync()).Items();
        var guidance = (await (await host.Client.GetAsync($"/api/{version}/guidance?pageSize=100")).JsonAsync()).Items();

        Assert.Contains("police-999", contacts.Ids());
        Assert.Contains("childline", contacts.Ids());
        Assert.Contains("gloucestershire-101", local.Ids());
        Assert.Contains("if-an-image-has-been-shared", guidance.Ids());
        Assert.All(guidance.EnumerateArray(), g => Assert.Equal("guidance", g.GetProperty("provenance").GetProperty("plugin").GetString()));
    }

    [Fact]
    public async Task A_plugin_shipping_its_own_contract_copy_still_shares_the_hosts_contract()
    {
        var plugin = await PluginInFolder("v2", "ForcesWithContractCopy");

        Assert.Equal("assembly", plugin.GetProperty("kind").GetString());
        Assert.Equal(45, plugin.GetProperty("items").GetProperty("forces").GetInt32());
        var warning = plugin.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("ContentApi.Abstractions.dll", warning.GetProperty("location").GetString());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Invalid_items_are_rejected_one_by_one_with_their_field_and_reason_and_valid_ones_are_served()
    {
        var plugin = await PluginInFolder("v2", "InvalidContentPlugin");
        var problems = plugin.GetProperty("problems").EnumerateArray()
            .Select(p => (Location: p.GetProperty("location").GetString()!, Message: p.GetProperty("message").GetString()!, Severity: p.GetProperty("severity").GetString()!))
            .ToList();

        void Rejected(string id, string message) => Assert.Contains(problems, p =>
            p.Location == $"contact (contact '{id}')" && p.Message.StartsWith(message, StringComparison.Ordinal) && p.Severity == "error");
        Rejected("fixture-http-link", "channels[0].value: 'http://example.org/help' must be an absolute https address");
        Rejected("fixture-bad-phone", "channels[0].value: 'call us' is not a phone number");
        Rejected("fixture-bad-age", "ageRange: 14-8 must lie within 0-25 (or max: adult, every age over 25) with min <= max");
        Rejected("fixture-too-old", "ageRange: 18-99 must lie within 0-25 (or max: adult, every age over 25) with min <= max");
        Rejected("fixture-bad-locale", "locale: 'english' is not a BCP 47 language tag");
        Rejected("fixture-no-review", "review: lastReviewed and nextReviewDue are required");
        Rejected("Fixture Bad Id", "id: 'Fixture Bad Id' must be lower-case kebab-case");
        Rejected("fixture-valid-helpline", "id: 'fixture-valid-helpline' is used by another contact in locale en-GB");
        Assert.Contains(problems, p => p.Message == "ageBand: no age band '99-100' is loaded" && p.Severity == "warning");
        Assert.Contains(problems, p => p.Message == "relatedContacts: no contact 'no-such-contact' is loaded" && p.Severity == "warning");
        Assert.Equal(1, plugin.GetProperty("items").GetProperty("contacts").GetInt32());
        Assert.Equal(1, plugin.GetProperty("items").GetProperty("advice").GetInt32());

        var served = await (await host.Client.GetAsync("/api/v2/contacts/fixture-valid-helpline")).JsonAsync();
        Assert.Equal("invalid-content", served.GetProperty("provenance").GetProperty("plugin").GetString());
        await (await host.Client.GetAsync("/api/v2/contacts/fixture-http-link")).ProblemAsync(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Readiness_is_degraded_and_names_every_faulted_plugin()
    {
        var health = await (await host.Client.GetAsync("/health/ready")).JsonAsync();
        var description = health.GetProperty("checks").GetProperty("plugins").GetProperty("description").GetString()!;

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        foreach (var id in new[] { "throwing", "hanging", "not-dotnet", "NoManifest", "BadJson", "future-contract", "signposting" })
        {
            Assert.Contains(id, description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_faulted_plugin_is_logged_as_an_error_with_its_folder_and_reason()
    {
        var errors = host.Logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToList();

        foreach (var (folder, reason) in new[]
        {
            ("ThrowingPlugin", "loading threw InvalidOperationException"),
            ("HangingPlugin", "loading took longer than 30 s"),
            ("NotDotNet", "is not a .NET assembly"),
            ("NoManifest", "no plugin.json"),
            ("BadJson", "plugin.json cannot be read"),
            ("FutureContract", "rebuild the plugin against ContentApi.Abstractions 1.x"),
        })
        {
            Assert.Contains(errors, m => m.Contains(Path.Combine(host.Host.Plugins.Root, folder), StringComparison.Ordinal) && m.Contains(reason, StringComparison.Ordinal));
        }

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("invalid-content: Error: contact (contact 'fixture-bad-phone')", StringComparison.Ordinal));
    }

    /// <summary>The message the host and the kit must both give, word for word, about each folder.</summary>
    public static TheoryData<string, string> SameVerdicts => new()
    {
        { "NoManifest", "no plugin.json (or plugin.yaml) in the plugin folder" },
        { "BadJson", "plugin.json cannot be read:" },
        { "FutureContract", "built for contract [2.0,3.0), but this host implements contract" },
        { "MissingAssembly", "assembly 'Missing.dll' was not found in the plugin folder" },
        { "ForcesWithContractCopy", "the plugin ships its own copy of the contract; the host's copy is used instead" },
        { "ThrowingPlugin", "loading threw InvalidOperationException: The upstream source refused the connection." },
        { "HangingPlugin", "loading took longer than 30 s and was abandoned" },
        { "InvalidContentPlugin", "channels[0].value: 'http://example.org/help' must be an absolute https address" },
    };

    [Theory]
    [MemberData(nameof(SameVerdicts))]
    public async Task An_authors_test_and_the_host_say_the_same_thing_about_a_plugin(string folder, string message)
    {
        var path = Path.Combine(host.Host.Plugins.Root, folder);
        var reported = (await PluginInFolder("v2", folder)).GetProperty("problems").EnumerateArray()
            .Select(p => (Severity: p.GetProperty("severity").GetString(), Location: p.GetProperty("location").GetString(), Message: p.GetProperty("message").GetString()!))
            .ToList();

        // No instance: the kit creates a code plugin from its assembly with the host's own activation step.
        var checkedByKit = await PluginValidator.ValidateAsync(path, plugin: null, new PluginValidationOptions { LoadTimeout = TimeSpan.FromSeconds(30) });

        // The kit gives no cross-plugin reference warnings without reference folders; everything else is the same.
        var kitProblems = checkedByKit.Errors.Select(e => (Severity: (string?)"error", Location: (string?)e.Location, e.Message))
            .Concat(checkedByKit.Warnings.Select(w => (Severity: (string?)"warning", Location: (string?)w.Location, w.Message)))
            .ToList();
        Assert.Equal(reported.Where(p => p.Severity == "error"), kitProblems.Where(p => p.Severity == "error"));
        Assert.Subset(reported.ToHashSet(), kitProblems.ToHashSet());
        Assert.Contains(kitProblems, p => p.Message.StartsWith(message, StringComparison.Ordinal));
    }

    private async Task<JsonElement> PluginInFolder(string version, string folder)
    {
        // The public list has no folders (admins see them); both lists follow the same order.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/status").WithKey(TestKeys.Admin);
        var status = await (await host.Client.SendAsync(request)).JsonAsync();
        var index = status.GetProperty("plugins").EnumerateArray().ToList()
            .FindIndex(p => Path.GetFileName(p.GetProperty("folder").GetString()) == folder);
        var body = await (await host.Client.GetAsync($"/api/{version}/plugins")).JsonAsync();
        return body.GetProperty("plugins")[index];
    }
}
