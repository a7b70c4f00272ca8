using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using ContentApi.Host.Observability;

namespace ContentApi.Host.Plugins;

/// <summary>
/// Finds plugin folders and loads each one in isolation. Nothing a plugin does (a missing manifest, a wrong contract,
/// a bad assembly, an exception, a load that never ends, invalid items) stops the host or the other plugins:
/// every failure becomes a <see cref="PluginReport"/> with a clear reason. On a reload, a plugin whose new content
/// fails or has errors keeps serving its last good content.
/// </summary>
internal sealed partial class PluginLoader(
    IOptions<PluginOptions> options,
    ContentKindRegistry kinds,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ContentApiMetrics metrics)
{
    public const string HttpClientName = "plugins";

    private static readonly string ContractFileName = typeof(IContentPlugin).Assembly.GetName().Name + ".dll";

    private readonly ILogger _logger = loggerFactory.CreateLogger<PluginLoader>();

    // Load contexts are not collectible, so a code plugin is created once and its LoadAsync called again on reload.
    private readonly ConcurrentDictionary<string, CodePlugin> _codePlugins = new(StringComparer.Ordinal);

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
        var read = await PluginManifests.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        if (read.Error is { } manifestError || read.Manifest is not { } manifest)
        {
            var id = ContentValidator.IsValidId(read.Manifest?.Id) ? read.Manifest!.Id : Path.GetFileName(folder);
            return Fault(id, folder, read.Manifest, read.Error!, read.FileName);
        }

        var warnings = new List<PluginProblem>();
        IContentPlugin plugin;
        if (manifest.Assembly is null)
        {
            plugin = new ContentFilesPlugin(kinds);
        }
        else
        {
            var created = GetOrCreateCodePlugin(folder, manifest, warnings, out var error);
            if (created is null)
            {
                return Fault(manifest.Id, folder, manifest, error!, manifest.Assembly);
            }

            plugin = created;
        }

        var kind = manifest.Assembly is null ? PluginKind.ContentPack : PluginKind.Assembly;
        var (content, loadError) = await RunLoadAsync(plugin, manifest, folder, cancellationToken).ConfigureAwait(false);
        if (loadError is not null)
        {
            return Fault(manifest.Id, folder, manifest, loadError, "load");
        }

        // The force is assigned first, so a force pack's items may override national ones without repeating forceId.
        var valid = ContentValidator.Validate(ContentValidator.AssignForce(content!, manifest.ForceId, kinds), kinds);
        var problems = warnings.Concat(valid.Problems.Select(PluginProblem.Error)).ToList();
        var report = new PluginReport
        {
            Id = manifest.Id,
            Folder = folder,
            Manifest = manifest,
            Kind = kind,
            Status = problems.Count == 0 ? PluginStatus.Healthy : PluginStatus.Degraded,
            Problems = problems,
            ContentLoadedAt = timeProvider.GetUtcNow(),
        };
        return new LoadedPlugin(report, valid with { Problems = [] });
    }

    private IContentPlugin? GetOrCreateCodePlugin(string folder, PluginManifest manifest, List<PluginProblem> warnings, out string? error)
    {
        error = null;
        var assemblyPath = Path.GetFullPath(Path.Combine(folder, manifest.Assembly!));
        if (!File.Exists(assemblyPath))
        {
            error = $"assembly '{manifest.Assembly}' was not found in the plugin folder";
            return null;
        }

        if (File.Exists(Path.Combine(folder, ContractFileName)))
        {
            warnings.Add(new PluginProblem(ContractFileName,
                "the plugin ships its own copy of the contract; the host's copy is used instead. Reference ContentApi.Abstractions with Private=false (or ExcludeAssets=runtime)",
                ProblemSeverity.Warning));
        }

        var stamp = FileStamp.Of(assemblyPath);
        if (_codePlugins.TryGetValue(assemblyPath, out var existing))
        {
            if (existing.Stamp != stamp)
            {
                warnings.Add(new PluginProblem(manifest.Assembly!,
                    "the assembly changed on disk; the code already loaded keeps running until the host restarts (content files are re-read)",
                    ProblemSeverity.Warning));
            }

            return existing.Instance;
        }

        var created = CreateAssemblyPlugin(assemblyPath, manifest, out error);
        if (created is not null)
        {
            _codePlugins[assemblyPath] = new CodePlugin(created, stamp);
        }

        return created;
    }

    private static IContentPlugin? CreateAssemblyPlugin(string assemblyPath, PluginManifest manifest, out string? error)
    {
        try
        {
            var context = new PluginLoadContext(assemblyPath, manifest.Id);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var pluginTypes = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IContentPlugin).IsAssignableFrom(t))
                .ToList();
            if (pluginTypes.Count != 1)
            {
                error = pluginTypes.Count == 0
                    ? $"'{manifest.Assembly}' has no public class implementing {nameof(IContentPlugin)} (contract {ContractVersion.Text})"
                    : $"'{manifest.Assembly}' has {pluginTypes.Count} classes implementing {nameof(IContentPlugin)}; expected one";
                return null;
            }

            error = null;
            return (IContentPlugin)Activator.CreateInstance(pluginTypes[0])!;
        }
        catch (BadImageFormatException)
        {
            error = $"'{manifest.Assembly}' is not a .NET assembly";
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            error = $"'{manifest.Assembly}' could not be loaded: {ex.Message}";
        }
        catch (TargetInvocationException ex)
        {
            error = $"the plugin's constructor threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}";
        }
        catch (MissingMethodException)
        {
            error = "the plugin class needs a public parameterless constructor";
        }
#pragma warning disable CA1031 // Third-party code: whatever it throws is reported as its fault, never crashes the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = $"'{manifest.Assembly}' could not be loaded: {ex.GetType().Name}: {ex.Message}";
        }

        return null;
    }

    private async Task<(PluginContent? Content, string? Error)> RunLoadAsync(
        IContentPlugin plugin, PluginManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var timeout = options.Value.LoadTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var context = new PluginContext
        {
            Manifest = manifest,
            PluginDirectory = folder,
            Settings = options.Value.Settings.TryGetValue(manifest.Id, out var settings) ? settings : new Dictionary<string, string?>(),
            HttpClient = httpClientFactory.CreateClient(HttpClientName),
            Log = new PluginLog(loggerFactory.CreateLogger($"Plugin.{manifest.Id}")),
            TimeProvider = timeProvider,
        };

        try
        {
            // WaitAsync bounds the wait even for a plugin that ignores its cancellation token.
            var content = await plugin.LoadAsync(context, timeoutSource.Token).AsTask().WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return content is null ? (null, "the plugin returned no content") : (content, null);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"loading took longer than {timeout.TotalSeconds:0.#} s and was abandoned");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A plugin is third-party code: any exception it throws is its fault, reported, never the host's crash.
            return (null, $"loading threw {ex.GetType().Name}: {ex.Message}");
        }
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

    private static LoadedPlugin Fault(string id, string folder, PluginManifest? manifest, string reason, string? location = null) =>
        new(PluginReport.Faulted(id, folder, manifest, reason, location), PluginContent.Empty);

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

    private sealed record CodePlugin(IContentPlugin Instance, FileStamp Stamp);

    private readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return new FileStamp(info.LastWriteTimeUtc, info.Length);
        }
    }

    private sealed class PluginLog(ILogger logger) : IPluginLog
    {
#pragma warning disable CA1848, CA2254 // Plugin messages are free text from third-party code.
        public void Information(string message) => logger.LogInformation(message);

        public void Warning(string message) => logger.LogWarning(message);

        public void Error(string message, Exception? exception = null) => logger.LogError(exception, message);
#pragma warning restore CA1848, CA2254
    }
}
