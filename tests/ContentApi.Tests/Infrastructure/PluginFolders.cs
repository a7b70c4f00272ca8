namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A temporary plugins folder assembled from real built plugins (first-party and fixtures) and hand-made folders,
/// deleted when the test ends.
/// </summary>
public sealed class PluginFolders : IDisposable
{
    public static string FirstPartyRoot { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    public static string FixtureRoot { get; } = Path.Combine(AppContext.BaseDirectory, "fixture-plugins");

    public string Root { get; } = TempFolders.NewPath("content-api-tests");

    public PluginFolders() => Directory.CreateDirectory(Root);

    /// <summary>Copies a first-party plugin (by folder name, e.g. Signposting) into this folder.</summary>
    public string AddFirstParty(string name, string? as_ = null) => Copy(Path.Combine(FirstPartyRoot, name), as_ ?? name);

    /// <summary>Copies a fixture plugin (by folder name, e.g. ThrowingPlugin) into this folder.</summary>
    public string AddFixture(string name, string? as_ = null) => Copy(Path.Combine(FixtureRoot, name), as_ ?? name);

    /// <summary>Creates a plugin folder with the given files (relative path to text).</summary>
    public string AddFolder(string name, IDictionary<string, string> files)
    {
        var folder = Path.Combine(Root, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    public void Dispose() => TempFolders.DeleteQuietly(Root);

    private string Copy(string source, string name)
    {
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
