using System.Reflection;
using ContentApi.ForcePlugin;
using ContentApi.Plugins.Testing;

namespace ContentApi.ForcePlugin.Tests;

/// <summary>Checks the plugin with the Content API host's own rules before it is deployed.</summary>
public class PluginTests
{
    private static readonly string PluginDirectory = typeof(PluginTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PluginDirectory").Value!;

    [Fact]
    public async Task The_plugin_passes_the_hosts_validation()
    {
        // Throws with every problem (file, line, field, reason) when the host would reject anything.
        var result = await PluginAssert.IsValidAsync(PluginDirectory, new ForcePlugin());

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task The_local_contact_belongs_to_the_force_and_replaces_no_national_item()
    {
        // Checked against the national content shipped with ContentApi.Plugins.Testing, as the host would check it.
        var result = await PluginAssert.IsValidAsync(PluginDirectory, new ForcePlugin());

        var contact = Assert.Single(result.Content.Contacts, c => c.Id == ForcePlugin.LocalContactId);
        Assert.Null(contact.Overrides);
        Assert.Equal("my-force", contact.ForceId);
    }

    [Fact]
    public async Task The_national_content_the_host_serves_beside_the_plugin_is_there_to_check_against() =>
        Assert.NotEmpty(await NationalContent.FoldersAsync(NationalContent.ShippedRoot));

    [Fact]
    public void The_plugin_folder_does_not_ship_its_own_copy_of_the_contract() =>
        Assert.False(File.Exists(Path.Combine(PluginDirectory, "ContentApi.Abstractions.dll")));
}
