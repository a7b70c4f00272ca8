namespace ContentApi.Host.Plugins;

/// <summary>Why content is being (re)loaded; logged, and tells the broadcaster whether to tell other instances.</summary>
internal enum ReloadTrigger
{
    Startup,
    FileChange,
    Admin,

    /// <summary>Another instance reloaded at an admin's request and asked this one to follow.</summary>
    OtherInstance,
}

/// <summary>
/// The one way content gets loaded: at startup, when plugin files change, on <c>POST /admin/plugins/reload</c>, or when
/// another instance asks. Loads run one at a time; each builds a whole new <see cref="ContentSnapshot"/> and swaps it in,
/// so requests see either the old content or the new, never a half-loaded state.
/// </summary>
internal sealed partial class ContentReloader(
    PluginLoader loader, ContentStore store, ContentKindRegistry kinds, Caching.EdgeCachePurger edge, TimeProvider time, ILogger<ContentReloader> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ContentSnapshot> ReloadAsync(ReloadTrigger trigger, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        // An admin's reload asks remote sources again; other loads may take a fresh copy another instance fetched.
        using var revalidation = trigger == ReloadTrigger.Admin ? Caching.RemoteSourceRevalidation.Begin() : null;
        try
        {
            var plugins = await loader.LoadAllAsync(store.Current.Plugins, cancellationToken).ConfigureAwait(false);
            var snapshot = new ContentSnapshot(plugins, time.GetUtcNow(), kinds);
            store.Replace(snapshot);
            LogReloaded(trigger, plugins.Count, plugins.Count(p => snapshot.StatusOf(p.Report) != PluginStatus.Healthy));
            // This instance's own cache needs no purge (its keys carry the content's fingerprint); an edge's URLs do not.
            await edge.PurgeAsync(tags: null).ConfigureAwait(false);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded ({Trigger}): {PluginCount} plugins, {NotHealthyCount} not healthy")]
    private partial void LogReloaded(ReloadTrigger trigger, int pluginCount, int notHealthyCount);
}
