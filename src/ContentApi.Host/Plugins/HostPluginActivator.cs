using System.Collections.Concurrent;
using System.Reflection;

namespace ContentApi.Host.Plugins;

/// <summary>
/// The host's activation step of the plugin-load pipeline: a code plugin is created from its assembly in its own
/// <see cref="PluginLoadContext"/>, and handed the host's settings, HTTP client, log and clock.
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

        var activation = CreateAssemblyPlugin(assemblyPath, manifest);
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

    private static PluginActivation CreateAssemblyPlugin(string assemblyPath, PluginManifest manifest)
    {
        var assemblyName = manifest.Assembly!;
        PluginActivation Refused(string reason) => PluginActivation.Refused(assemblyName, reason);
        try
        {
            var context = new PluginLoadContext(assemblyPath, manifest.Id);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var pluginTypes = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IContentPlugin).IsAssignableFrom(t))
                .ToList();
            return pluginTypes.Count switch
            {
                1 => PluginActivation.Of((IContentPlugin)Activator.CreateInstance(pluginTypes[0])!),
                0 => Refused($"'{assemblyName}' has no public class implementing {nameof(IContentPlugin)} (contract {ContractVersion.Text})"),
                _ => Refused($"'{assemblyName}' has {pluginTypes.Count} classes implementing {nameof(IContentPlugin)}; expected one"),
            };
        }
        catch (BadImageFormatException)
        {
            return Refused($"'{assemblyName}' is not a .NET assembly");
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            return Refused($"'{assemblyName}' could not be loaded: {ex.Message}");
        }
        catch (TargetInvocationException ex)
        {
            return Refused($"the plugin's constructor threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
        }
        catch (MissingMethodException)
        {
            return Refused("the plugin class needs a public parameterless constructor");
        }
#pragma warning disable CA1031 // Third-party code: whatever it throws is reported as its fault, never crashes the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Refused($"'{assemblyName}' could not be loaded: {ex.GetType().Name}: {ex.Message}");
        }
    }

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
