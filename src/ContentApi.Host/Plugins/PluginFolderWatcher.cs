using System.Threading.Channels;

namespace ContentApi.Host.Plugins;

/// <summary>
/// Reloads content when anything under the plugins folder changes (<see cref="PluginOptions.WatchForChanges"/>).
/// Changes are debounced: a burst of file events (an editor's save, a copied folder) causes one reload once the folder
/// has been quiet for <see cref="PluginOptions.ReloadDebounce"/>.
/// </summary>
internal sealed partial class PluginFolderWatcher(IOptions<PluginOptions> options, ContentReloader reloader, ILogger<PluginFolderWatcher> logger)
    : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Watch before the host reports started (ExecuteAsync runs later, on another thread), so no change is missed.
        var root = options.Value.ResolvePath();
        if (options.Value.WatchForChanges && Directory.Exists(root))
        {
            _watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += Signal;
            _watcher.Created += Signal;
            _watcher.Deleted += Signal;
            _watcher.Renamed += Signal;
            _watcher.Error += Signal; // a lost event (buffer overflow) is treated as a change: reload rather than miss it
            _watcher.EnableRaisingEvents = true;
            LogWatching(root, options.Value.ReloadDebounce.TotalMilliseconds);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_watcher is null)
        {
            return;
        }

        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _changes.Reader.TryRead(out _);
                await WaitUntilQuietAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await reloader.ReloadAsync(ReloadTrigger.FileChange, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The folder itself is mid-change (renamed, permissions); the next change event retries.
                    LogReloadFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Signal(object? sender, EventArgs e) => _changes.Writer.TryWrite(true);

    private async Task WaitUntilQuietAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            quiet.CancelAfter(options.Value.ReloadDebounce);
            try
            {
                await _changes.Reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
                _changes.Reader.TryRead(out _); // another change inside the window: start waiting again
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading after a plugin folder change failed; the current content stays")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for plugin changes (debounce {DebounceMs} ms)")]
    private partial void LogWatching(string folder, double debounceMs);
}
