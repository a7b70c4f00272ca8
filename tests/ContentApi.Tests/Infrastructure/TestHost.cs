using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The one way tests run the API: the real host with real plugin assemblies loaded from disk, configured as production
/// is (API keys stored as hashes), its logs collected, on the suite clock. It owns what it was asked to bring (a
/// redis-server, a plugins folder, a clock) and disposes of them after itself.
/// <code>await using var host = await TestHost.Start(o => o.WithRedis().WithPlugins(p => p.AddFirstParty("Signposting")));</code>
/// Tests that share one host per class use a <see cref="SharedHost"/> fixture instead.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly TestHostOptions _options;
    private readonly List<HttpClient> _processClients = [];
    private ApiFactory? _factory;
    private ApiProcess? _process;
    private RedisServer? _ownRedis;
    private PluginFolders? _ownPlugins;
    private HttpClient? _client;
    private FakeTimeProvider? _clock;

    private TestHost(TestHostOptions options) => _options = options;

    /// <summary>A client for the host; in memory it needs no network, on Kestrel or as a process it uses the real port.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Every log message the host wrote (in memory or on Kestrel; a process's output is in <see cref="ApiProcess.Output"/>).</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>The host's services (in memory or on Kestrel).</summary>
    public IServiceProvider Services => Factory.Services;

    /// <summary>The clock the test moves by hand, when started <see cref="TestHostOptions.WithClock"/>.</summary>
    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException("The host runs on the suite clock.");

    /// <summary>The redis-server this host uses, when started <see cref="TestHostOptions.WithRedis()"/>.</summary>
    public RedisServer Redis => _ownRedis ?? _options.SharedRedis ?? throw new InvalidOperationException("The host was started without Redis.");

    /// <summary>The plugins folder this host reads, when started <see cref="TestHostOptions.WithPlugins(Action{PluginFolders})"/>.</summary>
    public PluginFolders Plugins => _ownPlugins ?? _options.SharedPlugins ?? throw new InvalidOperationException("The host reads the first-party plugins folder.");

    /// <summary>The real address, on Kestrel or as a process.</summary>
    public Uri Address => _options.Kind switch
    {
        HostKind.Process => _process!.Address,
        HostKind.Kestrel => Factory.ClientOptions.BaseAddress,
        _ => throw new InvalidOperationException("An in-memory host has no network address."),
    };

    /// <summary>The operating-system process, when started <see cref="TestHostOptions.AsProcess"/>.</summary>
    public ApiProcess Process => _process ?? throw new InvalidOperationException("The host runs in this test process.");

    private ApiFactory Factory => _factory ?? throw new InvalidOperationException("A host in its own process has no services here.");

    /// <summary>Starts the host (and what it brings) and returns once it serves.</summary>
    public static async Task<TestHost> Start(Action<TestHostOptions>? configure = null)
    {
        var options = new TestHostOptions();
        configure?.Invoke(options);
        var host = new TestHost(options);
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another client for the same host (its own cookies and default headers).</summary>
    public HttpClient CreateClient()
    {
        if (_process is null)
        {
            return Factory.CreateClient();
        }

        var client = new HttpClient { BaseAddress = _process.Address };
        lock (_processClients)
        {
            _processClients.Add(client);
        }

        return client;
    }

    /// <summary>True when the host logged a message containing <paramref name="text"/>.</summary>
    public bool Logged(string text) => _process is null
        ? Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal))
        : _process.Output.Contains(text, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        lock (_processClients)
        {
            _processClients.ForEach(c => c.Dispose());
        }

        _process?.Dispose();
        if (_ownRedis is not null)
        {
            await _ownRedis.DisposeAsync();
        }

        _ownPlugins?.Dispose();
    }

    private async Task StartAsync()
    {
        if (_options.StartsOwnRedis)
        {
            _ownRedis = await RedisServer.StartAsync();
        }

        if (_options.FillOwnPlugins is { } fill)
        {
            _ownPlugins = new PluginFolders();
            fill(_ownPlugins);
        }

        if (_options.Kind == HostKind.Process)
        {
            if (_options.FakeClockStart is not null || _options.ServiceChanges.Count > 0)
            {
                throw new InvalidOperationException("A host in its own process runs on its own clock and services.");
            }

            _process = await ApiProcess.StartAsync(Settings(ProcessDefaults()));
            _client = CreateClient();
            return;
        }

        _factory = new ApiFactory(Settings(InMemoryDefaults()), ConfigureServices);
        if (_options.Kind == HostKind.Kestrel)
        {
            _factory.UseKestrel(0);
        }

        _factory.StartServer();
        _client = _factory.CreateClient();
    }

    /// <summary>Configuration in the order it wins: defaults, the test keys, what the host brings, then the test's own.</summary>
    private Dictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        var settings = TestKeys.Settings(defaults);
        if ((_ownPlugins ?? _options.SharedPlugins) is { } plugins)
        {
            settings["Plugins:Path"] = plugins.Root;
        }

        if ((_ownRedis ?? _options.SharedRedis) is { } redis)
        {
            settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        }

        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string?> InMemoryDefaults()
    {
        // Every in-process client shares one (unknown) address: quotas that suit one real client would throttle the
        // suite. Tests of rate limiting set their own.
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "1000000",
            ["RateLimiting:Partner:PermitLimit"] = "1000000",
        };
        if (Environment.GetEnvironmentVariable("CONTENTAPI_TEST_LOGS") != "1")
        {
            // Hundreds of hosts writing JSON logs bury the one failing test in CI's output. Tests that check logging
            // read Logs; CONTENTAPI_TEST_LOGS=1 brings the console back when debugging.
            settings["Logging:Console:LogLevel:Default"] = "None";
        }

        return settings;
    }

    private static Dictionary<string, string?> ProcessDefaults() => new()
    {
        ["Plugins:Path"] = PluginFolders.FirstPartyRoot,
        ["Plugins:WatchForChanges"] = "false",
        // Plain text logs: read by people when a test fails, and by tests waiting for a request to arrive.
        ["Logging:Console:FormatterName"] = "simple",
    };

    private void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        if (!_options.RealClock)
        {
            // The suite clock unless the test moves its own; see SuiteClock for why no host sees the real date.
            _clock = _options.FakeClockStart is { } start ? new FakeTimeProvider(start) : null;
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock ?? (TimeProvider)new SuiteClock());
        }

        foreach (var change in _options.ServiceChanges)
        {
            change(services);
        }
    }

    /// <summary>The real app in memory or on Kestrel, with the test's configuration and service changes.</summary>
    private sealed class ApiFactory(Dictionary<string, string?> settings, Action<IServiceCollection> services) : WebApplicationFactory<Program>
    {
        protected override IHost CreateHost(IHostBuilder builder)
        {
            // Configuration must reach the host before Program reads it (aspnetcore#37680).
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
            return base.CreateHost(builder);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestPeer>());
            builder.ConfigureTestServices(services);
        }
    }
}
