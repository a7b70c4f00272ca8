using System.Diagnostics;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;
using ContentApi.Tests.Performance;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// The host published as the Dockerfile and bench/run.sh publish it (ReadyToRun for this machine's runtime): the host is
/// compiled ahead of time, its first-party plugins are published beside it in plugins/ (portable, as any third party's),
/// and started from there with no other setting it serves all of them. It runs a real publish, so it runs alone.
/// </summary>
[Collection(nameof(MeasuredAlone))]
[Trait("Category", "Template")]
public sealed class PublishTests : IDisposable
{
    private static readonly string[] FirstPartyPlugins = ["age-bands", "forces", "gloucestershire", "guidance", "signposting"];

    private readonly string _output = TempFolders.NewPath("content-api-publish");

    [Fact]
    public async Task A_ReadyToRun_publish_holds_the_first_party_plugins_and_serves_them_with_no_other_setting()
    {
        var configuration = typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo("dotnet",
        [
            "publish", Path.Combine(Repository.Root, "src", "ContentApi.Host", "ContentApi.Host.csproj"), "-c", configuration,
            "--use-current-runtime", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", _output, "-nologo",
        ])
        { WorkingDirectory = Repository.Root }.AsChildBuild();
        var publish = await LocalProcesses.RunAsync(start, LocalProcesses.BuildLimit);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{publish.Output}{publish.Error}");

        Assert.True(IsReadyToRun(Path.Combine(_output, "ContentApi.Host.dll")), "The published host is not compiled ahead of time.");
        Assert.False(IsReadyToRun(Path.Combine(_output, "plugins", "Signposting", "ContentApi.Plugins.Signposting.dll")), "A plugin must stay portable.");

        using var host = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["Plugins:WatchForChanges"] = "false" }, _output);
        using var client = new HttpClient { BaseAddress = host.Address };
        using var plugins = JsonDocument.Parse(await client.GetStringAsync("/api/v2/plugins"));
        var listed = plugins.RootElement.GetProperty("plugins").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal(FirstPartyPlugins, listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(listed.Values, status => Assert.Equal("healthy", status));
    }

    public void Dispose() => TempFolders.DeleteQuietly(_output);

    // A ReadyToRun image carries a managed native header beside its IL; a plain IL assembly has none.
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
