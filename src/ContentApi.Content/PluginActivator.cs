using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The step of the plugin-load pipeline that differs between the host and an author's test: where the plugin instance
/// comes from (the host creates it from the assembly, in the plugin's own load context; a test passes its own
/// instance) and what the plugin is handed when it loads (settings, HTTP client, log, clock).
/// </summary>
public abstract class PluginActivator
{
    /// <summary>The plugin of a content pack (a manifest naming no assembly): the shared reader of its content files.</summary>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <param name="kinds">The content kinds the reader reads.</param>
    /// <returns>The plugin, or why it cannot be loaded.</returns>
    public virtual PluginActivation ActivateContentPack(PluginManifest manifest, ContentKindRegistry kinds) =>
        PluginActivation.Of(new ContentFilesPlugin(kinds));

    /// <summary>The plugin in the assembly the manifest names, which the pipeline has found in the plugin folder.</summary>
    /// <param name="assemblyPath">The full path of the assembly.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>The plugin, or why it cannot be loaded, with any warnings.</returns>
    public abstract PluginActivation ActivateAssembly(string assemblyPath, PluginManifest manifest);

    /// <summary>What the plugin is handed when it loads.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>The context for <see cref="IContentPlugin.LoadAsync"/>.</returns>
    public abstract PluginContext CreateContext(string pluginDirectory, PluginManifest manifest);
}

/// <summary>The outcome of activating a plugin: the instance to run, or why there is none.</summary>
/// <param name="Plugin">The plugin to run, or null when it was refused.</param>
/// <param name="Refusal">Why the plugin cannot be loaded, or null.</param>
/// <param name="Warnings">Problems reported while the plugin still loads.</param>
public sealed record PluginActivation(IContentPlugin? Plugin, ContentProblem? Refusal, IReadOnlyList<ContentProblem> Warnings)
{
    /// <summary>An activated plugin.</summary>
    /// <param name="plugin">The plugin to run.</param>
    /// <param name="warnings">Problems to report beside its content.</param>
    /// <returns>The activation.</returns>
    public static PluginActivation Of(IContentPlugin plugin, params IReadOnlyList<ContentProblem> warnings) => new(plugin, null, warnings);

    /// <summary>A plugin that cannot be loaded.</summary>
    /// <param name="location">The file the reason concerns.</param>
    /// <param name="reason">Why, in words that say what to do.</param>
    /// <returns>The activation.</returns>
    public static PluginActivation Refused(string location, string reason) => new(null, new ContentProblem(location, reason), []);
}
