using Microsoft.AspNetCore.Mvc.Testing;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A class fixture: one host over a temporary plugins folder that a subclass fills, with admin keys configured, the
/// folder watcher off (these hosts never change their files) and the host's logs collected.
/// </summary>
public abstract class PluginsHost : IAsyncLifetime
{
    public PluginFolders Folders { get; } = new();

    public LogCollector Logs { get; } = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        AddPlugins(Folders);
        Factory = ContentApiFactory.Create(TestKeys.Settings(Folders.Settings([("Plugins:WatchForChanges", "false"), .. Settings]))).WithLogs(Logs);
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Folders.Dispose();
    }

    protected virtual IEnumerable<(string Key, string? Value)> Settings => [];

    protected abstract void AddPlugins(PluginFolders folders);
}
