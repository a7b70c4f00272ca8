namespace ContentApi.Host.Plugins;

/// <summary>How a plugin's load went.</summary>
public enum PluginStatus
{
    /// <summary>Loaded, every item valid.</summary>
    Healthy,

    /// <summary>Serving, but some items were rejected, a reload was refused, or something else needs attention.</summary>
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

/// <summary>How serious a plugin problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>Something was refused: an item, a file, a reload or the whole plugin.</summary>
    Error,

    /// <summary>Served anyway, but needs attention (for example a reference to an id no plugin supplies).</summary>
    Warning,
}

/// <summary>A problem in a plugin or its content, with its severity.</summary>
internal sealed record PluginProblem(string Location, string Message, ProblemSeverity Severity)
{
    public static PluginProblem Error(ContentProblem problem) => new(problem.Location, problem.Message, ProblemSeverity.Error);

    public static PluginProblem Warning(ContentProblem problem) => new(problem.Location, problem.Message, ProblemSeverity.Warning);
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
    public IReadOnlyList<PluginProblem> Problems { get; init; } = [];

    /// <summary>When the content being served was loaded; older than the snapshot when a reload kept the last good content.</summary>
    public DateTimeOffset? ContentLoadedAt { get; init; }

    public bool HasErrors => Status == PluginStatus.Faulted || Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public static PluginReport Faulted(string id, string folder, PluginManifest? manifest, string reason, string? location = null) => new()
    {
        Id = id,
        Folder = folder,
        Manifest = manifest,
        Kind = manifest is { Assembly: null } ? PluginKind.ContentPack : PluginKind.Assembly,
        Status = PluginStatus.Faulted,
        Problems = [new PluginProblem(location ?? PluginManifest.FileName, reason, ProblemSeverity.Error)],
    };
}

/// <summary>A plugin's report and the valid content it supplied.</summary>
internal sealed record LoadedPlugin(PluginReport Report, PluginContent Content)
{
    /// <summary>The items left out because another plugin had them first: a reload refusing the same ones again brings nothing new.</summary>
    public IReadOnlySet<ItemKey> RefusedForClashes { get; init; } = new HashSet<ItemKey>();
}
