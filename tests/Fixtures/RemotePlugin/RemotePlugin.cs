using ContentApi.Abstractions;
using ContentApi.Content;

namespace Fixture.RemotePlugin;

/// <summary>
/// Fetches a YAML content file from the address in its <c>url</c> setting, through the HttpClient the host hands it
/// (with the host's timeouts and circuit breaker), and reads it with the shared content reader.
/// </summary>
public sealed class RemotePlugin : IContentPlugin
{
    /// <inheritdoc />
    public async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpClient ?? throw new InvalidOperationException("The host gave no HttpClient.");
        if (!context.Settings.TryGetValue("url", out var url) || url is null)
        {
            throw new InvalidOperationException("Set Plugins:Settings:remote:url to the upstream content address.");
        }

        var text = await http.GetStringAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        return ContentFolderReader.ReadFile(text, "remote.yaml");
    }
}
