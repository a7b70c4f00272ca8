using ContentApi.Abstractions;

namespace Fixture.ThrowingPlugin;

/// <summary>Fails every load, as a plugin with a broken remote source might.</summary>
public sealed class ThrowingPlugin : IContentPlugin
{
    /// <inheritdoc />
    public ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The upstream source refused the connection.");
}
