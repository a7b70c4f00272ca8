using ContentApi.Abstractions;

namespace ContentApi.Host.Plugins;

/// <summary>How a plugin's load went.</summary>
public enum PluginStatus
{
    /// <summary>Loaded, every item valid.</summary>
    Healthy,

    /// <summary>Loaded, but some items were rejected or something needs attention.</summary>
    Degraded,

    /// <summary>Not loaded: nothing from it is served.</summary>
    Faulted,
}

/// <summary>How a plugin is built.</summary>
public enum PluginKind
{
    /// <summary>A .NET assembly implementing the contract.</summary>
    Assembly,

    /// <summary>A folder of content files with no code, read by the host.</summary>
    ContentPack,
}

/// <summary>What the host knows about one plugin folder after loading it.</summary>
internal sealed record PluginReport
{
    public required string Id { get; init; }
    public required string Folder { get; init; }
    public PluginManifest? Manifest { get; init; }
    public PluginKind Kind { get; init; }
    public PluginStatus Status { get; init; }
    public TimeSpan LoadDuration { get; init; }
    public IReadOnlyList<ContentProblem> Problems { get; init; } = [];

    public static PluginReport Faulted(string id, string folder, PluginManifest? manifest, string reason) => new()
    {
        Id = id,
        Folder = folder,
        Manifest = manifest,
        Status = PluginStatus.Faulted,
        Problems = [new ContentProblem(PluginManifest.FileName, reason)],
    };
}

/// <summary>A plugin's report and the valid content it supplied.</summary>
internal sealed record LoadedPlugin(PluginReport Report, PluginContent Content);
