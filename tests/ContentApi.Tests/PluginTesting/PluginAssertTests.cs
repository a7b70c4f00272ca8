using ContentApi.Content;
using ContentApi.Plugins.Testing;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.PluginTesting;

/// <summary>The testing library plugin authors use: the host's rules, applied to a folder on disk.</summary>
public sealed class PluginAssertTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    [Fact]
    public async Task A_valid_content_pack_passes_and_the_result_shows_what_the_host_would_serve()
    {
        var pack = _folders.AddFolder("Pack", ContentPackFiles.Pack());

        var result = await PluginAssert.IsValidAsync(pack);

        Assert.Equal("test-force-pack", result.Manifest!.Id);
        var contact = Assert.Single(result.Content.Contacts);
        Assert.Equal(("test-force-101", ContentPackFiles.ForceId, "police-101"), (contact.Id, contact.ForceId, contact.Overrides));
        Assert.Single(result.Content.Guidance);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_broken_pack_fails_with_every_problem_and_its_file_line_and_field()
    {
        var files = ContentPackFiles.Pack();
        files["content/contacts.yaml"] = files["content/contacts.yaml"].Replace("value: \"101\"", "value: \"one-oh-one\"", StringComparison.Ordinal);
        files["content/local-guidance.md"] = files["content/local-guidance.md"].Replace("audiences: [parents-carers]", "audiences: [grown-ups]", StringComparison.Ordinal);
        var pack = _folders.AddFolder("Pack", files);

        var failure = await Assert.ThrowsAsync<PluginValidationException>(() => PluginAssert.IsValidAsync(pack));

        Assert.Contains("Plugin 'test-force-pack'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2 errors, 0 warnings; serves 0 items.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("error: content/contacts.yaml:2:5 (contact 'test-force-101'): channels[0].value: 'one-oh-one' is not a phone number", failure.Message, StringComparison.Ordinal);
        Assert.Contains("error: content/local-guidance.md:6:13 (test-force-local-advice): audiences[0]: 'grown-ups' is not one of parents-carers, young-people, professionals", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_for_another_contract_fails_saying_what_to_rebuild_against()
    {
        var pack = _folders.AddFolder("Pack", new Dictionary<string, string> { ["plugin.json"] = ContentPackFiles.Manifest("future", contract: "[2.0,3.0)") });

        var failure = await Assert.ThrowsAsync<PluginValidationException>(() => PluginAssert.IsValidAsync(pack));

        Assert.Contains("rebuild the plugin against ContentApi.Abstractions 1.x", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_plugin_is_created_from_its_assembly_as_the_host_does_or_an_instance_must_match_the_manifest()
    {
        var folder = _folders.AddFolder("Code", new Dictionary<string, string>
        {
            ["plugin.json"] = ContentPackFiles.Manifest("code", assembly: "MyForce.dll"),
            ["MyForce.dll"] = "the author's build output",
            ["content/contacts.yaml"] = "items: []\n",
        });

        var withoutInstance = await PluginValidator.ValidateAsync(folder);
        var withWrongAssembly = await PluginValidator.ValidateAsync(folder, new ContentFilesPlugin());

        Assert.Equal("MyForce.dll: 'MyForce.dll' is not a .NET assembly", Describe(withoutInstance));
        Assert.Equal("plugin.json: names the assembly 'MyForce.dll', but ContentFilesPlugin is in 'ContentApi.Content.dll'", Describe(withWrongAssembly));
    }

    [Fact]
    public async Task References_are_checked_against_the_reference_folders_as_warnings()
    {
        var files = ContentPackFiles.Pack();
        files["content/local-guidance.md"] = files["content/local-guidance.md"].Replace("relatedContacts: [test-force-101, childline]", "relatedContacts: [test-force-101, childline, no-such-line]", StringComparison.Ordinal);
        var pack = _folders.AddFolder("Pack", files);
        var national = new[] { _folders.AddFirstParty("Signposting"), _folders.AddFirstParty("Guidance") };

        var result = await PluginAssert.IsValidAsync(pack, options: new PluginValidationOptions { ReferenceDirectories = national });

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("content/local-guidance.md:2:1 (guidance 'test-force-local-advice')", "relatedContacts: no contact 'no-such-line' is loaded"), (warning.Location, warning.Message));
    }

    [Theory]
    [InlineData("id: police-101\n", "id: contact 'police-101' (en-GB) is already supplied by plugin 'signposting'")]
    [InlineData("id: test-force-101\n    overrides: police-110\n", "overrides: no national contact 'police-110' is loaded")]
    public async Task Clashes_with_the_national_content_shipped_with_the_kit_are_errors_in_the_hosts_words(string edit, string error)
    {
        // No reference folders given: the national content that travels with the kit is the default, as in the host.
        var files = ContentPackFiles.Pack();
        files["content/contacts.yaml"] = files["content/contacts.yaml"].Replace("id: test-force-101\n    overrides: police-101\n", edit, StringComparison.Ordinal);
        var pack = _folders.AddFolder("Pack", files);

        var failure = await Assert.ThrowsAsync<PluginValidationException>(() => PluginAssert.IsValidAsync(pack));

        var clash = Assert.Single(failure.Result.Errors);
        Assert.StartsWith("content/contacts.yaml:2:5 (contact '", clash.Location, StringComparison.Ordinal);
        Assert.StartsWith(error, clash.Message, StringComparison.Ordinal);
        Assert.Empty(failure.Result.Content.Contacts);
    }

    public void Dispose() => _folders.Dispose();

    private static string Describe(PluginValidationResult result)
    {
        var error = Assert.Single(result.Errors);
        return $"{error.Location}: {error.Message}";
    }
}
