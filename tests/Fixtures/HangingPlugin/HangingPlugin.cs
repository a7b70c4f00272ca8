using ContentApi.Abstractions;

namespace Fixture.HangingPlugin;

/// <summary>Never finishes loading and ignores its cancellation token: the host must give up on it by itself.</summary>
public sealed class HangingPlugin : IContentPlugin
{
    /// <inheritdoc />
    public async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        await new TaskCompletionSource().Task.ConfigureAwait(false);
        return PluginContent.Empty;
    }
}
