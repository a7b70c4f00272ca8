using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Signposting;

/// <summary>
/// National signposting contacts, authored as YAML in <c>content/</c>. Signposting always starts with "immediate
/// danger: call 999", so the plugin reports a problem when its files lose the emergency contact.
/// </summary>
public sealed class SignpostingPlugin : ContentFilesPlugin
{
    /// <summary>The id of the emergency contact every signposting list starts with.</summary>
    public const string EmergencyContactId = "police-999";

    /// <inheritdoc />
    public override async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var content = await base.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        if (content.Contacts.Any(c => c.Id == EmergencyContactId && c.Category == ContactCategory.Emergency))
        {
            return content;
        }

        return content with
        {
            Problems = [.. content.Problems, new ContentProblem("content/contacts.yaml", $"the emergency contact '{EmergencyContactId}' is missing")],
        };
    }
}
