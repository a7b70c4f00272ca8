using System.Diagnostics;
using System.Reflection;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Templates;

/// <summary>
/// The author's kit end to end, outside this repository: pack the kit to a local feed, install the template package
/// from it into a private template hive, create a force plugin in a temp folder, build it and run its own tests; install
/// the contentapi tool from the feed, scaffold and validate the same force's content pack and validate the built plugin
/// with it; then drop both into a host's plugins folder and see both served.
/// </summary>
[Trait("Category", "Template")]
public sealed class ForcePluginTemplateTests : IDisposable
{
    private static readonly string[] KitPackages = ["contentapi.abstractions", "contentapi.content", "contentapi.plugins.testing", "contentapi.cli", "contentapi.forceplugin.template"];

    private readonly string _work = TempFolders.NewPath("content-api-template");
    private readonly string _version = $"1.0.0-template.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    private readonly PluginFolders _folders = new();

    [Fact]
    public async Task The_template_makes_a_plugin_that_builds_passes_its_own_tests_and_is_served_when_dropped_in()
    {
        var repository = RepositoryRoot();
        var feed = Path.Combine(_work, "feed");
        var hive = Path.Combine(_work, "hive");
        var output = Path.Combine(_work, "Wiltshire.ContentPlugin");
        var configuration = typeof(ForcePluginTemplateTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        await RunAsync(repository, "bash", ["scripts/pack-plugin-kit.sh", feed, _version, "--no-build"], ("CONFIGURATION", configuration));
        await RunAsync(_work, "dotnet", ["new", "install", $"ContentApi.ForcePlugin.Template::{_version}", "--add-source", feed, "--debug:custom-hive", hive]);
        await RunAsync(_work, "dotnet", ["new", "contentapi-force-plugin", "--debug:custom-hive", hive, "-n", "Wiltshire.ContentPlugin", "-o", output,
            "--forceId", "wiltshire", "--forceName", "Wiltshire Police", "--contentApiVersion", _version, "--packageFeed", feed]);
        var testRun = await RunAsync(output, "dotnet", ["test", "tests/Wiltshire.ContentPlugin.Tests", "-c", "Release"]);

        // The contentapi tool, installed from the feed alone, scaffolds and validates the same force's content pack.
        var tools = Path.Combine(_work, "tools");
        await RunAsync(_work, "dotnet", ["tool", "install", "--tool-path", tools, "ContentApi.Cli", "--add-source", feed, "--version", _version]);
        var contentapi = Path.Combine(tools, "contentapi");
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");
        await RunAsync(_work, contentapi, ["new-pack", "--force", "wiltshire", "--output", pack]);
        Assert.Contains("wiltshire-pack: 0 errors, 0 warnings", await RunAsync(_work, contentapi, ["validate", pack]), StringComparison.Ordinal);

        // ...and validates the plugin's build output, creating the plugin from its assembly as the host would.
        Assert.Contains("Passed!  - Failed:     0, Passed:     4", testRun, StringComparison.Ordinal);
        var built = Path.Combine(output, "src", "Wiltshire.ContentPlugin", "bin", "Release", "net10.0");
        Assert.Contains("wiltshire-plugin: 0 errors, 0 warnings", await RunAsync(_work, contentapi, ["validate", built]), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(built, "Wiltshire.ContentPlugin.dll")));
        Assert.False(File.Exists(Path.Combine(built, "ContentApi.Abstractions.dll")), "The plugin folder must not ship the contract.");

        // Drop the build output into a plugins folder beside the national plugins and the same force's content pack:
        // no change to the host, and the two do not clash.
        _folders.AddFirstParty("Signposting");
        _folders.AddFirstParty("Guidance");
        CopyDirectory(built, Path.Combine(_folders.Root, "Wiltshire"));
        await using var host = await TestHost.Start(o => o.WithPlugins(_folders).WithSetting("Plugins:WatchForChanges", "false"));
        var client = host.Client;

        var plugins = (await (await client.GetAsync("/api/v2/plugins")).JsonAsync()).GetProperty("plugins").EnumerateArray().ToList();
        foreach (var id in new[] { "wiltshire-plugin", "wiltshire-pack" })
        {
            var plugin = plugins.Single(p => p.GetProperty("id").GetString() == id);
            Assert.Equal("healthy", plugin.GetProperty("status").GetString());
            Assert.Empty(plugin.GetProperty("problems").EnumerateArray());
        }

        Assert.Equal("Wiltshire Police", plugins.Single(p => p.GetProperty("id").GetString() == "wiltshire-plugin").GetProperty("publisher").GetString());
        foreach (var version in new[] { "v1", "v2" })
        {
            var local101 = await (await client.GetAsync($"/api/{version}/contacts/police-101?force=wiltshire")).JsonAsync();
            Assert.Equal(("wiltshire-101", "wiltshire-pack"), (local101.GetProperty("id").GetString(), local101.GetProperty("provenance").GetProperty("plugin").GetString()));
            var team = await (await client.GetAsync($"/api/{version}/contacts/wiltshire-plugin-schools-team?force=wiltshire")).JsonAsync();
            Assert.Equal("wiltshire-plugin", team.GetProperty("provenance").GetProperty("plugin").GetString());
            var guidance = (await (await client.GetAsync($"/api/{version}/guidance?force=wiltshire&pageSize=100")).JsonAsync()).Items();
            Assert.Contains("wiltshire-plugin-getting-help", guidance.Ids());
        }
    }

    public void Dispose()
    {
        _folders.Dispose();
        TempFolders.DeleteQuietly(_work);

        // Each run packs a unique version so a stale kit is never restored; do not leave them in the package cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in KitPackages.Select(p => Path.Combine(cache, p)))
        {
            TempFolders.DeleteQuietly(Path.Combine(package, _version));
            if (Directory.Exists(package) && !Directory.EnumerateFileSystemEntries(package).Any())
            {
                TempFolders.DeleteQuietly(package);
            }
        }
    }

    private static async Task<string> RunAsync(string directory, string program, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory }.AsChildBuild();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(directory);
        var run = await LocalProcesses.RunAsync(start, LocalProcesses.BuildLimit);
        var output = run.Output + run.Error;
        Assert.True(run.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} exited with {run.ExitCode}:\n{output}");
        return output;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContentApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with ContentApi.sln) was not found.");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
