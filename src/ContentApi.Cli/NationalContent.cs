using ContentApi.Content;

namespace ContentApi.Cli;

/// <summary>
/// The national plugins shipped inside the tool (its <c>plugins/</c> folder, built from the host's own first-party
/// plugins): what an author's pack is checked against and what <c>preview</c> serves beside it.
/// </summary>
internal static class NationalContent
{
    /// <summary>The folder holding the national plugin folders.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>
    /// The national plugin folders: every shipped plugin that belongs to no force. A force's example plugin is left out,
    /// so a pack for that force is never reported as clashing with the example.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FoldersAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var national = new List<string>();
        foreach (var folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            var read = await PluginManifests.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
            if (read.Manifest is { ForceId: null })
            {
                national.Add(folder);
            }
        }

        return national;
    }
}
