namespace ContentApi.Host.Plugins;

/// <summary>Where plugins live and how long each may take to load. Bound from the <c>Plugins</c> section.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>The plugins folder; relative paths are resolved against the app's base directory.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>How long one plugin may take to load before it is marked faulted.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-plugin settings, keyed by plugin id, handed to the plugin in its context.</summary>
    public Dictionary<string, Dictionary<string, string?>> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string ResolvePath() =>
        System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, Path));
}
