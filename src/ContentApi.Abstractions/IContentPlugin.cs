namespace ContentApi.Abstractions;

/// <summary>
/// A source of safeguarding content. The host creates one instance per plugin folder, inside the plugin's own
/// load context, and calls <see cref="LoadAsync"/> at startup and whenever content is reloaded.
/// </summary>
/// <remarks>
/// Implementations need a public parameterless constructor. A plugin may read files or call a remote source while
/// loading; it must honour the cancellation token, because the host gives every load a time limit.
/// </remarks>
public interface IContentPlugin
{
    /// <summary>Loads all of the plugin's content.</summary>
    /// <param name="context">What the host gives the plugin: its manifest, folder, settings and services.</param>
    /// <param name="cancellationToken">Cancelled when the load takes longer than the host allows.</param>
    /// <returns>The plugin's content, which the host validates before serving it.</returns>
    ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken);
}
