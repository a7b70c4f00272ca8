namespace ContentApi.Host.Plugins;

/// <summary>Where plugins live, how long each may take to load and how changes are picked up. Bound from <c>Plugins</c>.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>The plugins folder; relative paths are resolved against the app's base directory.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>How long one plugin may take to load before it is marked faulted.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reload content when files under the plugins folder change (content packs and code plugins' content files).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long the folder must stay quiet after a change before reloading, so a copy of many files reloads once.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-plugin settings, keyed by plugin id, handed to the plugin in its context.</summary>
    public Dictionary<string, Dictionary<string, string?>> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string ResolvePath() =>
        System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, Path));
}
