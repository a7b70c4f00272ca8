using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// Hosts the real API in memory. Plugins are the real assemblies the build copied into the test output's
/// <c>plugins/</c> folder (or any folder a test names), loaded from disk exactly as in production.
/// </summary>
public class ContentApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ContentApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    // Protected so xunit sees one public constructor when this is a class fixture; tests use Create.
    protected ContentApiFactory(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        // Every in-process client shares one (unknown) address: quotas that suit one real client would throttle the
        // suite. Tests of rate limiting set their own.
        _settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "1000000",
            ["RateLimiting:Partner:PermitLimit"] = "1000000",
        };
        if (Environment.GetEnvironmentVariable("CONTENTAPI_TEST_LOGS") != "1")
        {
            // Hundreds of hosts writing JSON logs bury the one failing test in CI's output. Tests that check logging
            // collect it themselves; CONTENTAPI_TEST_LOGS=1 brings the console back when debugging.
            _settings["Logging:Console:LogLevel:Default"] = "None";
        }

        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>A host with the given configuration (for example a plugins folder or a Redis connection).</summary>
    public static ContentApiFactory Create(IDictionary<string, string?> settings) => new(settings);

    /// <summary>A host with the given configuration and service replacements (a fake clock, a faulty dependency).</summary>
    public static ContentApiFactory Create(IDictionary<string, string?> settings, Action<IServiceCollection> services) => new(settings, services);

    /// <summary>False for hosts that must see the real date (the shipped-content review guard).</summary>
    protected virtual bool UsesSuiteClock => true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Configuration must reach the host before Program reads it (aspnetcore#37680).
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestPeer>());
        if (UsesSuiteClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new SuiteClock()));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
