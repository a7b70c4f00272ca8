using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Plugins;

/// <summary>National first-party plugins plus two hand-written content packs (JSON and YAML manifests), dropped in as folders.</summary>
public sealed class ContentPackHost : SharedHost
{
    protected override void Configure(TestHostOptions options) => options.WithSetting("Plugins:WatchForChanges", "false").WithPlugins(AddPlugins);

    private static void AddPlugins(PluginFolders folders)
    {
        folders.AddFirstParty("Signposting");
        folders.AddFirstParty("Guidance");
        folders.AddFolder("TestForcePack", ContentPackFiles.Pack());
        folders.AddFolder("YamlManifestPack", new Dictionary<string, string>
        {
            ["plugin.yaml"] = ContentPackFiles.YamlManifest("yaml-pack").Replace("forceId: test-force", "forceId: other-force", StringComparison.Ordinal),
            ["content/local.md"] = ContentPackFiles.Guidance.Replace("test-force-local-advice", "other-force-local-advice", StringComparison.Ordinal)
                .Replace("test-force-101, ", string.Empty, StringComparison.Ordinal),
        });
    }
}

public sealed class ContentPackTests(ContentPackHost host) : IClassFixture<ContentPackHost>
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_content_pack_with_no_code_is_loaded_through_the_host_adapter(string version)
    {
        var plugins = await PluginsAsync(version);
        var pack = plugins["test-force-pack"];

        Assert.Equal("content-pack", pack.GetProperty("kind").GetString());
        Assert.Equal("healthy", pack.GetProperty("status").GetString());
        Assert.Equal(ContentPackFiles.ForceId, pack.GetProperty("forceId").GetString());
        Assert.Equal(1, pack.GetProperty("items").GetProperty("contacts").GetInt32());
        Assert.Equal(1, pack.GetProperty("items").GetProperty("guidance").GetInt32());
        Assert.Empty(pack.GetProperty("problems").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_content_pack_may_have_a_yaml_manifest(string version)
    {
        var pack = (await PluginsAsync(version))["yaml-pack"];
        var local = (await (await host.Client.GetAsync($"/api/{version}/guidance?force=other-force&pageSize=100")).JsonAsync()).Items();

        Assert.Equal("healthy", pack.GetProperty("status").GetString());
        Assert.Equal("other-force", pack.GetProperty("forceId").GetString());
        Assert.Contains("other-force-local-advice", local.Ids());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_forces_override_replaces_the_national_item_only_for_that_force(string version)
    {
        var national = (await (await host.Client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items().Ids().ToList();
        var forTheForce = (await (await host.Client.GetAsync($"/api/{version}/contacts?force=test-force&pageSize=100")).JsonAsync()).Items().Ids().ToList();
        var forAnotherForce = (await (await host.Client.GetAsync($"/api/{version}/contacts?force=other-force&pageSize=100")).JsonAsync()).Items().Ids().ToList();

        Assert.Contains("police-101", national);
        Assert.DoesNotContain("test-force-101", national);
        Assert.Contains("test-force-101", forTheForce);
        Assert.DoesNotContain("police-101", forTheForce);
        Assert.Contains("childline", forTheForce);
        Assert.Contains("police-101", forAnotherForce);
        Assert.DoesNotContain("test-force-101", forAnotherForce);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Asking_for_the_national_id_with_a_force_returns_the_forces_item_and_says_which_plugin_supplied_it(string version)
    {
        var contact = await (await host.Client.GetAsync($"/api/{version}/contacts/police-101?force=test-force")).JsonAsync();
        var national = await (await host.Client.GetAsync($"/api/{version}/contacts/police-101")).JsonAsync();

        Assert.Equal("test-force-101", contact.GetProperty("id").GetString());
        Assert.Equal("test-force-pack", contact.GetProperty("provenance").GetProperty("plugin").GetString());
        Assert.Equal("Test Force Police", contact.GetProperty("provenance").GetProperty("publisher").GetString());
        Assert.Equal("police-101", national.GetProperty("id").GetString());
        Assert.Equal("signposting", national.GetProperty("provenance").GetProperty("plugin").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_packs_local_guidance_is_served_only_with_its_force(string version)
    {
        var national = (await (await host.Client.GetAsync($"/api/{version}/guidance?pageSize=100")).JsonAsync()).Items().Ids().ToList();
        var local = (await (await host.Client.GetAsync($"/api/{version}/guidance?force=test-force&pageSize=100")).JsonAsync()).Items();

        Assert.DoesNotContain("test-force-local-advice", national);
        var article = local.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "test-force-local-advice");
        Assert.Equal("test-force-pack", article.GetProperty("provenance").GetProperty("plugin").GetString());
        Assert.Contains("if-an-image-has-been-shared", local.Ids());
    }

    private async Task<Dictionary<string, JsonElement>> PluginsAsync(string version) =>
        (await (await host.Client.GetAsync($"/api/{version}/plugins")).JsonAsync())
            .GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
}

public sealed class ProvenanceTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_item_says_which_loaded_plugin_supplied_it(string version)
    {
        var plugins = (await (await _client.GetAsync($"/api/{version}/plugins")).JsonAsync())
            .GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("publisher").GetString());
        var expected = new Dictionary<string, string>
        {
            ["guidance?pageSize=100"] = "guidance",
            ["guidance?force=gloucestershire&pageSize=100"] = "guidance|gloucestershire",
            ["contacts?pageSize=100"] = "signposting",
            ["contacts?force=gloucestershire&pageSize=100"] = "signposting|gloucestershire",
            ["age-bands"] = "age-bands",
            ["age-bands/11-13/advice"] = "age-bands",
        };

        foreach (var (path, suppliers) in expected)
        {
            var body = await (await _client.GetAsync($"/api/{version}/{path}")).JsonAsync();
            var items = body.ValueKind == JsonValueKind.Array ? body : body.Items();
            Assert.NotEmpty(items.EnumerateArray());
            foreach (var item in items.EnumerateArray())
            {
                var provenance = item.GetProperty("provenance");
                var plugin = provenance.GetProperty("plugin").GetString()!;
                Assert.Contains(plugin, suppliers.Split('|'));
                Assert.Equal(plugins[plugin], provenance.GetProperty("publisher").GetString());
                Assert.StartsWith("https://", provenance.GetProperty("sourceUrl").GetString(), StringComparison.Ordinal);
            }
        }
    }
}
