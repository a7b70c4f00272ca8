using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.ForcePlugin;

/// <summary>
/// My Force Police's plugin. Its content is the files in <c>content/</c> (see the content format in the Content API
/// repository's docs/content-format.md), read by <see cref="ContentFilesPlugin"/>. Add code here when your content
/// comes from your own systems; use <see cref="PluginContext.HttpClient"/> for remote sources, so the host's timeouts
/// and circuit breaker apply.
/// </summary>
public sealed class ForcePlugin : ContentFilesPlugin
{
    /// <summary>The force's own local service, served beside the national contacts for the force.</summary>
    public const string LocalContactId = "my-force-plugin-schools-team";

    /// <inheritdoc />
    public override async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var content = await base.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        if (content.Contacts.Any(c => c.Id == LocalContactId))
        {
            return content;
        }

        // The host shows this problem in GET /api/v2/plugins, and the plugin's test fails on it.
        return content with
        {
            Problems = [.. content.Problems, new ContentProblem("content/contacts.yaml", $"the force's own contact '{LocalContactId}' is missing")],
        };
    }
}
