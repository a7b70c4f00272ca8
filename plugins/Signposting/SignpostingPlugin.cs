using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Signposting;

/// <summary>
/// National signposting contacts and the signposting rules that order them, authored as YAML in <c>content/</c>.
/// Signposting always starts with "immediate danger: call 999", so the plugin reports a problem when its files lose
/// the emergency contact or the rule that offers it. (A rule naming a contact no plugin supplies is a warning the host
/// reports for every plugin.)
/// </summary>
public sealed class SignpostingPlugin : ContentFilesPlugin
{
    /// <summary>The id of the emergency contact every signposting list starts with.</summary>
    public const string EmergencyContactId = "police-999";

    /// <inheritdoc />
    public override async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var content = await base.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var problems = new List<ContentProblem>(content.Problems);
        if (!content.Contacts.Any(c => c.Id == EmergencyContactId && c.Category == ContactCategory.Emergency))
        {
            problems.Add(new ContentProblem("content/contacts.yaml", $"the emergency contact '{EmergencyContactId}' is missing"));
        }

        if (!content.SignpostingRules.Any(r => r.ContactId == EmergencyContactId && r.Tier == SignpostingTier.Emergency && r.Topics.Count == 0 && r.Askers.Count == 0 && r.AgeRange is null))
        {
            problems.Add(new ContentProblem("content/signposting-rules.yaml", $"no rule offers '{EmergencyContactId}' in the emergency tier to everyone"));
        }

        return content with { Problems = problems };
    }
}
