using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentApi.Host.Content;

namespace ContentApi.Host.Plugins;

internal static class PluginSetup
{
    public static WebApplicationBuilder AddContentPlugins(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(PluginLoader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<PluginLoader>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddHostedService<ContentStartup>();
        return builder;
    }

    /// <summary>
    /// Loads every plugin before the server accepts requests, so the first request already sees all content.
    /// Each plugin's load is bounded by <see cref="PluginOptions.LoadTimeout"/>, so startup is bounded too.
    /// </summary>
    private sealed class ContentStartup(PluginLoader loader, ContentStore store, TimeProvider time) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var plugins = await loader.LoadAllAsync(cancellationToken).ConfigureAwait(false);
            store.Replace(new ContentSnapshot(plugins, time.GetUtcNow()));
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
