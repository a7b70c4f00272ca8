using ContentApi.Content;

namespace ContentApi.Plugins.Testing;

/// <summary>
/// The national content a force's plugin is checked against: the host's first-party plugins that belong to no force.
/// This package ships a copy (<c>national-content/</c> beside your test assembly), so an author's test sees the same
/// clashes and dangling references as the host without a clone of it.
/// </summary>
public static class NationalContent
{
    /// <summary>Where the copy shipped with this package lands: <c>national-content/</c> beside the running assembly.</summary>
    public static string ShippedRoot { get; } = Path.Combine(AppContext.BaseDirectory, "national-content");

    /// <summary>
    /// The national plugin folders under <paramref name="root"/>: every plugin that belongs to no force. A force's
    /// example plugin is left out, so a plugin for that force is never reported as clashing with the example.
    /// </summary>
    /// <param name="root">A folder of plugin folders.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The national plugin folders, in name order; none when <paramref name="root"/> does not exist.</returns>
    public static async Task<IReadOnlyList<string>> FoldersAsync(string root, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var national = new List<string>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
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
