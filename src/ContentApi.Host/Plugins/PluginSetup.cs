using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace ContentApi.Host.Plugins;

internal static class PluginSetup
{
    public static WebApplicationBuilder AddContentPlugins(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The content kinds every part of the host reads; a host (or a test) with kinds of its own registers a larger one.
        builder.Services.TryAddSingleton(ContentKindRegistry.Default);
        AddPluginHttpClient(builder);
        builder.Services.AddSingleton<HostPluginActivator>();
        builder.Services.AddSingleton<PluginLoader>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddSingleton<ContentReloader>();
        builder.Services.TryAddSingleton<IContentReloadBroadcaster, SingleInstanceReloadBroadcaster>();
        builder.Services.AddHostedService<ContentStartup>();
        builder.Services.AddHostedService<PluginFolderWatcher>();
        return builder;
    }

    /// <summary>
    /// The client handed to plugins for remote sources: a timeout per attempt and in total, a retry, and a circuit
    /// breaker per upstream host, so a failing source is left alone for a while instead of being hammered on every
    /// reload. Overridable under <c>Plugins:Http</c> (the standard resilience options' shape).
    /// </summary>
    private static void AddPluginHttpClient(WebApplicationBuilder builder) =>
        builder.Services.AddHttpClient(PluginLoader.HttpClientName)
            .AddStandardResilienceHandler()
            .Configure(options =>
            {
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(500);
                options.CircuitBreaker.FailureRatio = 0.5;
                options.CircuitBreaker.MinimumThroughput = 4;
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(1);
                options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
                builder.Configuration.GetSection($"{PluginOptions.SectionName}:Http").Bind(options);
            })
            .SelectPipelineByAuthority();

    /// <summary>
    /// Loads every plugin before the server accepts requests, so the first request already sees all content.
    /// Each plugin's load is bounded by <see cref="PluginOptions.LoadTimeout"/>, so startup is bounded too.
    /// </summary>
    private sealed class ContentStartup(ContentReloader reloader) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => reloader.ReloadAsync(ReloadTrigger.Startup, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
