using System.Collections.Concurrent;

namespace ContentApi.Host.Plugins;

/// <summary>
/// The host's activation step of the plugin-load pipeline: a code plugin is created from its assembly in its own load
/// context (<see cref="PluginAssemblies"/>, shared with the authors' kit), and handed the host's settings, HTTP client,
/// log and clock.
/// </summary>
internal sealed class HostPluginActivator(
    IOptions<PluginOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : PluginActivator
{
    // Load contexts are not collectible, so a code plugin is created once and its LoadAsync called again on reload.
    private readonly ConcurrentDictionary<string, CodePlugin> _codePlugins = new(StringComparer.Ordinal);

    public override PluginActivation ActivateAssembly(string assemblyPath, PluginManifest manifest)
    {
        var stamp = FileStamp.Of(assemblyPath);
        if (_codePlugins.TryGetValue(assemblyPath, out var existing))
        {
            return existing.Stamp == stamp
                ? PluginActivation.Of(existing.Instance)
                : PluginActivation.Of(existing.Instance, new ContentProblem(manifest.Assembly!,
                    "the assembly changed on disk; the code already loaded keeps running until the host restarts (content files are re-read)"));
        }

        var activation = PluginAssemblies.CreatePlugin(assemblyPath, manifest);
        if (activation.Plugin is { } created)
        {
            _codePlugins[assemblyPath] = new CodePlugin(created, stamp);
        }

        return activation;
    }

    public override PluginContext CreateContext(string pluginDirectory, PluginManifest manifest) => new()
    {
        Manifest = manifest,
        PluginDirectory = pluginDirectory,
        Settings = options.Value.Settings.TryGetValue(manifest.Id, out var settings) ? settings : new Dictionary<string, string?>(),
        HttpClient = httpClientFactory.CreateClient(PluginLoader.HttpClientName),
        Log = new PluginLog(loggerFactory.CreateLogger($"Plugin.{manifest.Id}")),
        TimeProvider = timeProvider,
    };

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
