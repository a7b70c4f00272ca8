using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

public sealed class TopicsAndPluginsApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Lists_the_topics(string version)
    {
        var topics = (await (await _client.GetAsync($"/api/{version}/topics")).JsonAsync()).Ids().ToList();

        Assert.Contains("sharing-nudes", topics);
        Assert.Contains("sextortion", topics);
        Assert.Contains("online-grooming", topics);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Lists_the_five_first_party_plugins_loaded_from_disk(string version)
    {
        var body = await (await _client.GetAsync($"/api/{version}/plugins")).JsonAsync();
        var plugins = body.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);

        Assert.Equal("1.3.0", body.GetProperty("contractVersion").GetString());
        Assert.Equal(["age-bands", "forces", "gloucestershire", "guidance", "signposting"], plugins.Keys.Order());
        Assert.All(plugins.Values, p =>
        {
            Assert.Equal("healthy", p.GetProperty("status").GetString());
            Assert.Empty(p.GetProperty("problems").EnumerateArray());
        });
        // Guidance, age-band advice and the force example need no code: content packs, read as a third party's pack is.
        string[] KindOf(string kind) => [.. plugins.Where(p => p.Value.GetProperty("kind").GetString() == kind).Select(p => p.Key).Order()];
        Assert.Equal(["age-bands", "gloucestershire", "guidance"], KindOf("content-pack"));
        Assert.Equal(["forces", "signposting"], KindOf("assembly"));
        Assert.Equal(14, plugins["signposting"].GetProperty("items").GetProperty("contacts").GetInt32());
        Assert.Equal(32, plugins["age-bands"].GetProperty("items").GetProperty("advice").GetInt32());
        Assert.Equal(45, plugins["forces"].GetProperty("items").GetProperty("forces").GetInt32());
        Assert.Equal("gloucestershire", plugins["gloucestershire"].GetProperty("forceId").GetString());
    }

    [Fact]
    public void The_host_references_no_plugin_assembly()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("ContentApi.Plugins.", StringComparison.Ordinal));
        // ContentApi.Plugins.Testing is the authors' testing library, which these tests use; it is not a plugin.
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("ContentApi.Plugins.", StringComparison.Ordinal)
            && a.GetName().Name != "ContentApi.Plugins.Testing"
            && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(a) == System.Runtime.Loader.AssemblyLoadContext.Default);
    }
}
