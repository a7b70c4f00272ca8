using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Cli.Commands;

/// <summary>
/// A code plugin's project folder is the one an author has open, so it is often the one they pass; but the host loads
/// the build output (the plugin assembly beside <c>plugin.json</c>), so that is what <c>validate</c> checks. This says
/// so, and names the output folder to pass instead.
/// </summary>
internal static class PluginProjectFolder
{
    /// <summary>Why <paramref name="folder"/> is a project folder rather than a plugin folder, or null when it is not one.</summary>
    /// <param name="folder">The folder the author passed.</param>
    /// <param name="manifest">Its manifest, when it has one.</param>
    /// <returns>What to validate instead, or null.</returns>
    public static string? Explain(string folder, PluginManifest? manifest)
    {
        if (manifest?.Assembly is not { } assembly || File.Exists(Path.Combine(folder, assembly)) || !Directory.EnumerateFiles(folder, "*.csproj").Any())
        {
            return null;
        }

        var built = BuildOutputs(folder, assembly).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        var output = built is null ? Path.Combine(folder, "bin", "Release", "net10.0") : Path.GetDirectoryName(built)!;
        var command = $"contentapi validate {Path.GetRelativePath(Environment.CurrentDirectory, output)}";
        return $"this is the plugin's project folder; the host loads its build output, where '{assembly}' sits beside the manifest: " +
            (built is null ? $"build it (dotnet build -c Release), then run {command}" : $"run {command} (rebuild first if you changed the code)");
    }

    private static IEnumerable<string> BuildOutputs(string folder, string assembly)
    {
        var bin = Path.Combine(folder, "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, assembly, SearchOption.AllDirectories).Where(dll =>
                File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, PluginManifest.FileName))
                || File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, PluginManifests.YamlFileName)))
            : [];
    }
}
