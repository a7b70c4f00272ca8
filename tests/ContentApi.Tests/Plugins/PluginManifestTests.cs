using ContentApi.Content;

namespace ContentApi.Tests.Plugins;

public sealed class PluginManifestTests
{
    private static string Json(string contract = "1.0", string extra = "") =>
        $$"""{ "id": "my-force", "name": "My Force", "version": "1.2.0", "publisher": "My Force Police", "contractVersion": "{{contract}}"{{extra}} }""";

    [Theory]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("[1.0,2.0)")]
    [InlineData("[1.0,]")]
    public void A_range_that_includes_this_contract_is_accepted(string range) =>
        Assert.Null(PluginManifests.Parse(Json(range), "plugin.json").Error);

    [Theory]
    [InlineData("2.0", "built for contract [2.0,3.0), but this host implements contract 1.3.0: rebuild the plugin against ContentApi.Abstractions 1.x and set contractVersion to \"1.0\"")]
    [InlineData("0.9", "built for contract [0.9,1.0), but this host implements contract 1.3.0: rebuild the plugin against ContentApi.Abstractions 1.x and set contractVersion to \"1.0\"")]
    [InlineData("[1.4,2.0)", "built for contract [1.4,2.0), but this host implements contract 1.3.0: rebuild the plugin against ContentApi.Abstractions 1.x")]
    [InlineData("one", "contractVersion 'one' is not a version range such as 1.0 or [1.0,2.0)")]
    public void A_range_that_excludes_this_contract_is_refused_saying_what_to_rebuild_against(string range, string reason) =>
        Assert.StartsWith(reason, PluginManifests.Parse(Json(range), "plugin.json").Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("{ \"id\": \"x\" ", "plugin.json cannot be read:")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1.0.0", "contractVersion": "1.0" }""", "plugin.json cannot be read: JSON deserialization for type 'ContentApi.Abstractions.PluginManifest' was missing required properties")]
    [InlineData("""{ "id": "My Force", "name": "X", "version": "1", "publisher": "P", "contractVersion": "1.0" }""", "plugin.json needs an 'id' in lower-case kebab-case")]
    [InlineData("""{ "id": "x", "name": " ", "version": "1", "publisher": "P", "contractVersion": "1.0" }""", "plugin.json needs name")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "publisher": "P", "contractVersion": "1.0", "forceId": "Avon" }""", "plugin.json: forceId 'Avon' is not a data.police.uk force id")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "publisher": "P", "contractVersion": "1.0", "assembly": "../host/x.dll" }""", "plugin.json: assembly '../host/x.dll' must be a file name inside the plugin folder")]
    public void A_broken_manifest_is_refused_with_the_reason(string json, string reason) =>
        Assert.StartsWith(reason, PluginManifests.Parse(json, "plugin.json").Error, StringComparison.Ordinal);

    [Fact]
    public void A_yaml_manifest_is_read_by_the_same_rules()
    {
        var read = PluginManifests.Parse("id: my-force\nname: My Force\nversion: 1.2.0\npublisher: My Force Police\ncontractVersion: 1.0\nforceId: my-force\n", "plugin.yaml");
        var broken = PluginManifests.Parse("id: my-force\nname: My: Force\nversion: 1.2.0\n", "plugin.yaml");
        var incompatible = PluginManifests.Parse("id: my-force\nname: My Force\nversion: 1.2.0\npublisher: P\ncontractVersion: 2.0\n", "plugin.yaml");

        Assert.Null(read.Error);
        Assert.Equal(("my-force", "1.0", "my-force"), (read.Manifest!.Id, read.Manifest.ContractVersion, read.Manifest.ForceId));
        Assert.StartsWith("plugin.yaml cannot be read: line 2", broken.Error, StringComparison.Ordinal);
        Assert.StartsWith("built for contract [2.0,3.0)", incompatible.Error, StringComparison.Ordinal);
    }
}
