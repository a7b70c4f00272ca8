namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A class fixture: one <see cref="TestHost"/> shared by every test of a class, for tests that only read. A subclass
/// says what its host is made of by overriding <see cref="Configure"/>; tests that change a host's files, clock or
/// Redis start their own with <see cref="TestHost.Start"/>.
/// </summary>
public abstract class SharedHost : IAsyncLifetime
{
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The shared host has not started.");

    public HttpClient Client => Host.Client;

    public IServiceProvider Services => Host.Services;

    public LogCollector Logs => Host.Logs;

    public HttpClient CreateClient() => Host.CreateClient();

    public bool Logged(string text) => Host.Logged(text);

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(Configure);
        await WarmUpAsync(_host);
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected virtual void Configure(TestHostOptions options)
    {
    }

    /// <summary>Runs before the first test: for hosts whose limits a cold first request on a loaded machine could hit.</summary>
    protected virtual Task WarmUpAsync(TestHost host) => Task.CompletedTask;
}

/// <summary>The default host: first-party plugins, the test keys, the suite clock, no Redis.</summary>
public sealed class DefaultHost : SharedHost;
