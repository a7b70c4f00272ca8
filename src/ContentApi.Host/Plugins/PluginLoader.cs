using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Host.Observability;
using Microsoft.Extensions.Options;

namespace ContentApi.Host.Plugins;

/// <summary>
/// Finds plugin folders and loads each one in isolation. Nothing a plugin does (a missing manifest, a wrong contract,
/// a bad assembly, an exception, a load that never ends, invalid items) stops the host or the other plugins:
/// every failure becomes a <see cref="PluginReport"/> with a clear reason.
/// </summary>
internal sealed partial class PluginLoader(
    IOptions<PluginOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ContentApiMetrics metrics)
{
    public const string HttpClientName = "plugins";

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string ContractFileName = typeof(IContentPlugin).Assembly.GetName().Name + ".dll";

    private readonly ILogger _logger = loggerFactory.CreateLogger<PluginLoader>();

    public async Task<IReadOnlyList<LoadedPlugin>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var root = options.Value.ResolvePath();
        if (!Directory.Exists(root))
        {
            LogNoPluginsFolder(root);
            return [];
        }

        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        var loads = await Task.WhenAll(folders.Select(folder => LoadFolderAsync(folder, cancellationToken))).ConfigureAwait(false);
        return RefuseDuplicateIds(loads);
    }

    private async Task<LoadedPlugin> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var folderName = Path.GetFileName(folder);
        var loaded = await LoadCoreAsync(folder, folderName, cancellationToken).ConfigureAwait(false);
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
                LogProblem(report.Id, problem.Location, problem.Message);
            }
        }

        return loaded with { Report = report };
    }

    private async Task<LoadedPlugin> LoadCoreAsync(string folder, string folderName, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return Fault(folderName, folder, null, $"no {PluginManifest.FileName} in the plugin folder");
        }

        PluginManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(manifestPath);
            manifest = await JsonSerializer.DeserializeAsync<PluginManifest>(stream, ManifestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Fault(folderName, folder, null, $"{PluginManifest.FileName} cannot be read: {ex.Message}");
        }

        if (manifest is null || !ContentValidator.IsValidId(manifest.Id))
        {
            return Fault(folderName, folder, manifest, $"{PluginManifest.FileName} needs an 'id' in lower-case kebab-case");
        }

        if (!ContractRange.TryParse(manifest.ContractVersion, out var range))
        {
            return Fault(manifest.Id, folder, manifest, $"contractVersion '{manifest.ContractVersion}' is not a version range such as 1.0 or [1.0,2.0)");
        }

        if (!range.Includes(ContractVersion.Current))
        {
            return Fault(manifest.Id, folder, manifest,
                $"built for contract {range}, but this host implements contract {ContractVersion.Text}: " +
                $"rebuild the plugin against ContentApi.Abstractions {ContractVersion.Current.Major}.x and set contractVersion to \"{ContractVersion.Current.Major}.0\"");
        }

        var warnings = new List<ContentProblem>();
        IContentPlugin plugin;
        PluginKind kind;
        if (manifest.Assembly is null)
        {
            plugin = new ContentFilesPlugin();
            kind = PluginKind.ContentPack;
        }
        else
        {
            kind = PluginKind.Assembly;
            var created = CreateAssemblyPlugin(folder, manifest, out var error);
            if (created is null)
            {
                return Fault(manifest.Id, folder, manifest, error!);
            }

            plugin = created;
            if (File.Exists(Path.Combine(folder, ContractFileName)))
            {
                warnings.Add(new ContentProblem(ContractFileName,
                    "the plugin ships its own copy of the contract; the host's copy is used instead. Reference ContentApi.Abstractions with Private=false"));
            }
        }

        var content = await RunLoadAsync(plugin, manifest, folder, cancellationToken).ConfigureAwait(false);
        if (content.Error is { } loadError)
        {
            return new LoadedPlugin(PluginReport.Faulted(manifest.Id, folder, manifest, loadError) with { Kind = kind }, PluginContent.Empty);
        }

        var valid = ContentValidator.Validate(content.Content!);
        var problems = warnings.Concat(valid.Problems).ToList();
        var report = new PluginReport
        {
            Id = manifest.Id,
            Folder = folder,
            Manifest = manifest,
            Kind = kind,
            Status = problems.Count == 0 ? PluginStatus.Healthy : PluginStatus.Degraded,
            Problems = problems,
        };
        return new LoadedPlugin(report, ApplyPluginForce(valid with { Problems = [] }, manifest));
    }

    private IContentPlugin? CreateAssemblyPlugin(string folder, PluginManifest manifest, out string? error)
    {
        error = null;
        var assemblyPath = Path.GetFullPath(Path.Combine(folder, manifest.Assembly!));
        if (!assemblyPath.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(assemblyPath))
        {
            error = $"assembly '{manifest.Assembly}' was not found in the plugin folder";
            return null;
        }

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

    private static PluginContent ApplyPluginForce(PluginContent content, PluginManifest manifest)
    {
        // A force's plugin speaks for that force: items that do not name a force belong to the plugin's force.
        if (manifest.ForceId is not { } force)
        {
            return content;
        }

        return content with
        {
            Guidance = content.Guidance.Select(i => i with { ForceId = i.ForceId ?? force }).ToList(),
            Contacts = content.Contacts.Select(i => i with { ForceId = i.ForceId ?? force }).ToList(),
            Advice = content.Advice.Select(i => i with { ForceId = i.ForceId ?? force }).ToList(),
        };
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

    private static LoadedPlugin Fault(string id, string folder, PluginManifest? manifest, string reason) =>
        new(PluginReport.Faulted(id, folder, manifest, reason), PluginContent.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugins folder {Folder} does not exist: no content will be served")]
    private partial void LogNoPluginsFolder(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId} in {Folder} was not loaded: {Reason}")]
    private partial void LogFaulted(string pluginId, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} loaded: {Status}, {ProblemCount} problems, {DurationMs:0.0} ms")]
    private partial void LogLoaded(string pluginId, PluginStatus status, int problemCount, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId}: {Location}: {Problem}")]
    private partial void LogProblem(string pluginId, string location, string problem);

    private sealed class PluginLog(ILogger logger) : IPluginLog
    {
#pragma warning disable CA1848, CA2254 // Plugin messages are free text from third-party code.
        public void Information(string message) => logger.LogInformation(message);

        public void Warning(string message) => logger.LogWarning(message);

        public void Error(string message, Exception? exception = null) => logger.LogError(exception, message);
#pragma warning restore CA1848, CA2254
    }
}
