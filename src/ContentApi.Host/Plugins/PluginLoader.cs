using System.Diagnostics;

namespace ContentApi.Host.Plugins;

/// <summary>
/// Finds plugin folders and loads each one in isolation through the shared <see cref="PluginLoadPipeline"/> (the one
/// ContentApi.Plugins.Testing runs too), with the host's <see cref="HostPluginActivator"/>. Nothing a plugin does (a
/// missing manifest, a wrong contract, a bad assembly, an exception, a load that never ends, invalid items) stops the
/// host or the other plugins: every failure becomes a <see cref="PluginReport"/> with a clear reason. Around the
/// pipeline the host keeps what is its own: logs, metrics, last good content on reload and refusing duplicate ids.
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
        var loads = await Task.WhenAll(folders.Select(async folder =>
        {
            var fresh = await LoadFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            return lastGood.TryGetValue(folder, out var prior) ? KeepLastGoodOnErrors(fresh, prior) : fresh;
        })).ConfigureAwait(false);
        return RefuseDuplicateIds(loads);
    }

    private LoadedPlugin KeepLastGoodOnErrors(LoadedPlugin fresh, LoadedPlugin prior)
    {
        // A reload is all or nothing per plugin: half-edited content never reaches partner sites.
        if (!fresh.Report.HasErrors)
        {
            return fresh;
        }

        var errors = fresh.Report.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var notice = new PluginProblem(
            "reload",
            $"the new content was not accepted ({errors} errors below); still serving the content loaded at {prior.Report.ContentLoadedAt:u}",
            ProblemSeverity.Warning);
        LogKeptLastGood(prior.Report.Id, errors, prior.Report.ContentLoadedAt!.Value);
        var report = prior.Report with
        {
            Status = PluginStatus.Degraded,
            LoadDuration = fresh.Report.LoadDuration,
            Problems = [notice, .. fresh.Report.Problems],
        };
        return new LoadedPlugin(report, prior.Content);
    }

    private async Task<LoadedPlugin> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = await LoadCoreAsync(folder, cancellationToken).ConfigureAwait(false);
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

    private async Task<LoadedPlugin> LoadCoreAsync(string folder, CancellationToken cancellationToken)
    {
        var pipeline = new PluginLoadPipeline(kinds, options.Value.LoadTimeout, timeProvider);
        var result = await pipeline.LoadAsync(folder, activator, cancellationToken).ConfigureAwait(false);
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

    private static List<LoadedPlugin> RefuseDuplicateIds(IEnumerable<LoadedPlugin> loads)
    {
        var result = new List<LoadedPlugin>();
        var firstFolderById = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var load in loads)
        {
            if (load.Report.Status != PluginStatus.Faulted && !firstFolderById.TryAdd(load.Report.Id, load.Report.Folder))
            {
                var reason = $"plugin id '{load.Report.Id}' is already used by the plugin in '{Path.GetFileName(firstFolderById[load.Report.Id])}'; ids must be unique";
                result.Add(new LoadedPlugin(PluginReport.Faulted(load.Report.Id, load.Report.Folder, load.Report.Manifest, reason), PluginContent.Empty));
                continue;
            }

            result.Add(load);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugins folder {Folder} does not exist: no content will be served")]
    private partial void LogNoPluginsFolder(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId} in {Folder} was not loaded: {Reason}")]
    private partial void LogFaulted(string pluginId, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} loaded: {Status}, {ProblemCount} problems, {DurationMs:0.0} ms")]
    private partial void LogLoaded(string pluginId, PluginStatus status, int problemCount, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId}: {Severity}: {Location}: {Problem}")]
    private partial void LogProblem(string pluginId, ProblemSeverity severity, string location, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId}: new content refused with {ErrorCount} errors; still serving the content loaded at {LoadedAt:u}")]
    private partial void LogKeptLastGood(string pluginId, int errorCount, DateTimeOffset loadedAt);
}
