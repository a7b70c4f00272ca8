using System.Diagnostics;
using ContentApi.Tests.Infrastructure;
using ContentApi.Tests.Performance;

namespace ContentApi.Tests.PluginTesting;

/// <summary>
/// A breaking change to the contract fails its pack: a copy of ContentApi.Abstractions, built with the repository's own
/// settings (build/PluginKit.props, package validation against build/released/), loses one public member, and
/// <c>dotnet pack</c> must refuse it with CP0002 naming that member. It runs a real build, so it runs alone.
/// </summary>
[Collection(nameof(MeasuredAlone))]
[Trait("Category", "Template")]
public sealed class ContractBaselineTests : IDisposable
{
    private const string RemovedMember = "    /// <summary>What the plugin provides.</summary>\n    public string? Description { get; init; }\n";

    private readonly string _work = TempFolders.NewPath("content-api-baseline");

    [Fact]
    public async Task Removing_a_public_member_of_the_contract_fails_the_pack_with_CP0002()
    {
        var source = Path.Combine(Repository.Root, "src", "ContentApi.Abstractions");
        var project = Path.Combine(_work, "ContentApi.Abstractions");
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(project);
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        // The repository's build settings and package versions, imported from where they are, so RepoRoot (and with
        // it PluginKit.props and the released baseline) is the repository's.
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(_work, props), $"<Project><Import Project=\"{Path.Combine(Repository.Root, props)}\" /></Project>");
        }

        var manifest = Path.Combine(project, "PluginManifest.cs");
        var text = await File.ReadAllTextAsync(manifest);
        Assert.Contains(RemovedMember, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, text.Replace(RemovedMember, string.Empty, StringComparison.Ordinal));

        var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "-o", Path.Combine(_work, "packages"), "-nologo"])
        {
            WorkingDirectory = _work,
        }.AsChildBuild();
        var pack = await LocalProcesses.RunAsync(start, LocalProcesses.BuildLimit);

        var output = pack.Output + pack.Error;
        Assert.True(pack.ExitCode != 0, $"The pack succeeded without the member:\n{output}");
        Assert.Matches(@"error CP0002: Member .*PluginManifest\.Description", output);
    }

    public void Dispose() => TempFolders.DeleteQuietly(_work);
}
