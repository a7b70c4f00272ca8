using System.Diagnostics;

namespace ContentApi.Host.Plugins;

/// <summary>
/// Finds plugin folders and loads each one in isolation through the shared <see cref="PluginLoadPipeline"/> (the one
/// ContentApi.Plugins.Testing runs too), with the host's <see cref="HostPluginActivator"/>. Nothing a plugin does (a
/// missing manifest, a wrong contract, a bad assembly, an exception, a load that never ends, invalid items) stops the
/// host or the other plugins: every failure becomes a <see cref="PluginReport"/> with a clear reason. Around the
/// pipeline the host keeps what is its own: logs, metrics, last good content on reload and refusing duplicate
/// ids before any of their code runs.
/// </summary>
internal sealed partial class PluginLoader(
    IOptions<PluginOptions> options,
    ContentKindRegistry kinds,
    HostPluginActivator activator,
    TimeProvider timeProvider,
    ILogger<PluginLoader> logger,
    ContentApiMetrics metrics)
{
    /// <summary>The named HTTP client handed to plugins for remote sources.</summary>
    public const string HttpClientName = "plugins";

    private readonly ILogger _logger = logger;

    /// <summary>Loads every plugin folder; <paramref name="previous"/> supplies the last good content to fall back on.</summary>
    public async Task<IReadOnlyList<LoadedPlugin>> LoadAllAsync(IReadOnlyList<LoadedPlugin> previous, CancellationToken cancellationToken)
    {
        var root = options.Value.ResolvePath();
        if (!Directory.Exists(root))
        {
            LogNoPluginsFolder(root);
            return [];
        }

        var lastGood = previous.Where(p => p.Report.ContentLoadedAt is not null).ToDictionary(p => p.Report.Folder, StringComparer.Ordinal);
        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        var manifests = await Task.WhenAll(folders.Select(folder => PluginManifests.ReadAsync(folder, cancellationToken))).ConfigureAwait(false);
        var refusedIds = PluginIdClaims.Refused(folders, manifests, previous);
        var loads = await Task.WhenAll(folders.Select(async (folder, i) =>
        {
            if (refusedIds.TryGetValue(folder, out var keeper))
            {
                return RefuseDuplicateId(folder, manifests[i].Manifest!, keeper);
            }

            var fresh = await LoadFolderAsync(folder, manifests[i], cancellationToken).ConfigureAwait(false);
            return lastGood.TryGetValue(folder, out var prior) && fresh.Report.HasErrors ? KeepLastGood(fresh, prior) : fresh;
        })).ConfigureAwait(false);
        return RefuseClashes([.. loads], previous, lastGood);
    }

    /// <summary>Two folders may not serve one plugin id (<see cref="PluginIdClaims"/>): nothing of the second is run or served.</summary>
    private LoadedPlugin RefuseDuplicateId(string folder, PluginManifest manifest, string keeper)
    {
        var reason = $"plugin id '{manifest.Id}' is already used by the plugin in '{Path.GetFileName(keeper)}'; ids must be unique, " +
            "so this folder's plugin is not loaded and nothing from it is served";
        LogDuplicateId(manifest.Id, folder, keeper);
        metrics.RecordPluginLoad(manifest.Id, nameof(PluginStatus.Faulted), TimeSpan.Zero);
        return new LoadedPlugin(PluginReport.Faulted(manifest.Id, folder, manifest, reason), PluginContent.Empty);
    }

    /// <summary>
    /// Items that clash with another plugin's (<see cref="PluginClashes"/>) are never served. A plugin whose reload
    /// brings a new clash keeps its last good content whole; one with nothing to fall back on, or whose clashes are
    /// the ones already refused, is served without them.
    /// </summary>
    private List<LoadedPlugin> RefuseClashes(List<LoadedPlugin> loads, IReadOnlyList<LoadedPlugin> previous, Dictionary<string, LoadedPlugin> lastGood)
    {
        var previousOwners = PluginClashes.OwnersIn(Supplied(previous), kinds);
        var clashes = PluginClashes.Find(Supplied(loads), previousOwners, kinds);
        var resolved = loads.Select((load, i) => clashes[i].Count == 0 ? load
            : lastGood.TryGetValue(load.Report.Folder, out var prior) && !ReferenceEquals(prior.Content, load.Content)
                && clashes[i].Any(c => !prior.RefusedForClashes.Contains(c.Key))
                ? KeepLastGood(load with { Report = WithErrors(load.Report, clashes[i]) }, prior)
                : ServeWithout(load, clashes[i])).ToList();

        // Content kept from before may meet an id another plugin took since: those items are refused one by one.
        var remaining = PluginClashes.Find(Supplied(resolved), previousOwners, kinds);
        return resolved.Select((load, i) => remaining[i].Count == 0 ? load : ServeWithout(load, remaining[i])).ToList();
    }

    private static List<SuppliedContent> Supplied(IEnumerable<LoadedPlugin> plugins) =>
        plugins.Select(p => new SuppliedContent(p.Report.Id, p.Report.Status == PluginStatus.Faulted ? PluginContent.Empty : p.Content)).ToList();

    private LoadedPlugin ServeWithout(LoadedPlugin load, IReadOnlyList<ContentClash> clashes)
    {
        foreach (var clash in clashes)
        {
            LogClash(load.Report.Id, load.Report.Folder, clash.Problem.Location, clash.Problem.Message);
        }

        return new LoadedPlugin(WithErrors(load.Report, clashes), PluginClashes.Without(load.Content, clashes, kinds))
        {
            RefusedForClashes = clashes.Select(c => c.Key).Concat(load.RefusedForClashes).ToHashSet(),
        };
    }

    private static PluginReport WithErrors(PluginReport report, IReadOnlyList<ContentClash> clashes) => report with
    {
        Status = PluginStatus.Degraded,
        Problems = [.. report.Problems, .. clashes.Select(c => PluginProblem.Error(c.Problem))],
    };

    // A reload is all or nothing per plugin: half-edited content never reaches partner sites.
    private LoadedPlugin KeepLastGood(LoadedPlugin fresh, LoadedPlugin prior)
    {
        var errors = fresh.Report.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var notice = new PluginProblem(
            "reload",
            $"the new content was not accepted ({errors} errors below); still serving the content loaded at {prior.Report.ContentLoadedAt:u}",
            ProblemSeverity.Warning);
        LogKeptLastGood(prior.Report.Id, prior.Report.Folder, errors, prior.Report.ContentLoadedAt!.Value);
        var report = prior.Report with
        {
            Status = PluginStatus.Degraded,
            LoadDuration = fresh.Report.LoadDuration,
            Problems = [notice, .. fresh.Report.Problems],
        };
        return prior with { Report = report };
    }

    private async Task<LoadedPlugin> LoadFolderAsync(string folder, ManifestResult manifest, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = await LoadCoreAsync(folder, manifest, cancellationToken).ConfigureAwait(false);
        var report = loaded.Report with { LoadDuration = Stopwatch.GetElapsedTime(started) };
        metrics.RecordPluginLoad(report.Id, report.Status.ToString(), report.LoadDuration);
        if (report.Status == PluginStatus.Faulted)
        {
            LogFaulted(report.Id, folder, string.Join("; ", report.Problems.Select(p => p.Message)));
        }
        else
        {
            LogLoaded(report.Id, report.Status, report.Problems.Count, report.LoadDuration.TotalMilliseconds);
            foreach (var problem in report.Problems)
            {
                LogProblem(report.Id, problem.Severity, problem.Location, problem.Message);
            }
        }

        return loaded with { Report = report };
    }

    private async Task<LoadedPlugin> LoadCoreAsync(string folder, ManifestResult manifest, CancellationToken cancellationToken)
    {
        var pipeline = new PluginLoadPipeline(kinds, options.Value.LoadTimeout, timeProvider);
        var result = await pipeline.LoadAsync(folder, manifest, activator, cancellationToken).ConfigureAwait(false);
        if (result.Refusal is { } refusal)
        {
            return new LoadedPlugin(PluginReport.Faulted(result.Id, folder, result.Manifest, refusal.Message, refusal.Location), PluginContent.Empty);
        }

        var problems = result.Warnings.Select(PluginProblem.Warning).Concat(result.Errors.Select(PluginProblem.Error)).ToList();
        var report = new PluginReport
        {
            Id = result.Id,
            Folder = folder,
            Manifest = result.Manifest,
            Kind = result.Manifest is { Assembly: null } ? PluginKind.ContentPack : PluginKind.Assembly,
            Status = problems.Count == 0 ? PluginStatus.Healthy : PluginStatus.Degraded,
            Problems = problems,
            ContentLoadedAt = timeProvider.GetUtcNow(),
        };
        return new LoadedPlugin(report, result.Content);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugins folder {Folder} does not exist: no content will be served")]
    private partial void LogNoPluginsFolder(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId} in {Folder} was not loaded: {Reason}")]
    private partial void LogFaulted(string pluginId, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId} in {Folder} was not loaded: its id is already used by the plugin in {KeeperFolder}, and ids must be unique")]
    private partial void LogDuplicateId(string pluginId, string folder, string keeperFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} loaded: {Status}, {ProblemCount} problems, {DurationMs:0.0} ms")]
    private partial void LogLoaded(string pluginId, PluginStatus status, int problemCount, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId}: {Severity}: {Location}: {Problem}")]
    private partial void LogProblem(string pluginId, ProblemSeverity severity, string location, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId} in {Folder}: new content refused with {ErrorCount} errors; still serving the content loaded at {LoadedAt:u}")]
    private partial void LogKeptLastGood(string pluginId, string folder, int errorCount, DateTimeOffset loadedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId} in {Folder}: item refused: {Location}: {Problem}")]
    private partial void LogClash(string pluginId, string folder, string location, string problem);
}
