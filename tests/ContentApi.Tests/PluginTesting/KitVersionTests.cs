using System.Reflection;
using System.Xml.Linq;
using ContentApi.Abstractions;
using ContentApi.Plugins.Testing;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.PluginTesting;

/// <summary>The kit is versioned from one number, the contract version, and the code says the same number.</summary>
public sealed class KitVersionTests
{
    [Fact]
    public void The_kit_packages_carry_the_contract_version_the_code_states()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "build", "PluginKit.props"));
        var kitVersion = props.Descendants("ContractVersion").Single().Value;

        Assert.Equal(ContractVersion.Text, kitVersion);
        Assert.Equal(ContractVersion.Current, Version.Parse(kitVersion));
        foreach (var assembly in new[] { typeof(ContractVersion).Assembly, typeof(ContentApi.Content.ContentValidator).Assembly, typeof(PluginAssert).Assembly })
        {
            Assert.Equal(kitVersion, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]);
        }

        // The last released contract the pack compares with is the one the code is at or after.
        var released = Directory.GetFiles(Path.Combine(Repository.Root, "build", "released"), "ContentApi.Abstractions.*.nupkg").Single();
        Assert.True(Version.Parse(Path.GetFileNameWithoutExtension(released)["ContentApi.Abstractions.".Length..]) <= ContractVersion.Current);
    }
}
