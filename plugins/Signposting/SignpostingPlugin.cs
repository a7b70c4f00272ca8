using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Signposting;

/// <summary>
/// National signposting contacts and the signposting rules that order them, authored as YAML in <c>content/</c>,
/// guarded by the safety invariants in <c>content/signposting-rules.invariants.yaml</c>: every load checks the rules
/// and contacts against every invariant, for every age, topic, asker and language, and reports each break as a problem,
/// so content that breaks one is refused and the last good content keeps being served.
/// </summary>
public sealed class SignpostingPlugin : ContentFilesPlugin
{
    /// <summary>The id of the emergency contact every signposting list starts with.</summary>
    public const string EmergencyContactId = "police-999";

    /// <inheritdoc />
    public override async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = await base.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var problems = new List<ContentProblem>(content.Problems);
        if (!content.Contacts.Any(c => c.Id == EmergencyContactId && c.Category == ContactCategory.Emergency))
        {
            problems.Add(new ContentProblem("content/contacts.yaml", $"the emergency contact '{EmergencyContactId}' is missing"));
        }

        var origin = $"{ContentFolderReader.ContentFolderName}/{SignpostingInvariants.FileName}";
        var path = Path.Combine(context.PluginDirectory, ContentFolderReader.ContentFolderName, SignpostingInvariants.FileName);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(origin, "the safety invariants file is missing"));
            return content with { Problems = problems };
        }

        var (invariants, invalid) = SignpostingInvariants.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), origin);
        problems.AddRange(invalid);
        problems.AddRange(SignpostingInvariantCheck.CheckNational(content, invariants, origin));
        context.Log.Information($"Checked {invariants.Count} signposting invariants.");
        return content with { Problems = problems };
    }
}
