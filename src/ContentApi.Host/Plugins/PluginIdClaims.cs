namespace ContentApi.Host.Plugins;

/// <summary>
/// Which folder may serve each plugin id, decided from the manifests alone, before any plugin code runs: a folder whose
/// id another folder keeps is refused without its assembly being loaded or its <c>LoadAsync</c> called. The folder that
/// served the id before keeps it, so dropping in a copy never takes a working plugin's place; otherwise the first folder
/// in name order does.
/// </summary>
internal static class PluginIdClaims
{
    /// <summary>The folders refused for their id, each with the folder that keeps it.</summary>
    /// <param name="folders">Every plugin folder, in name order.</param>
    /// <param name="manifests">Each folder's manifest, in the same order; a manifest that is refused anyway claims nothing.</param>
    /// <param name="previous">What was served before this load.</param>
    public static IReadOnlyDictionary<string, string> Refused(IReadOnlyList<string> folders, IReadOnlyList<ManifestResult> manifests, IReadOnlyList<LoadedPlugin> previous)
    {
        var servedBefore = previous.Where(p => p.Report.Status != PluginStatus.Faulted)
            .ToDictionary(p => p.Report.Folder, p => p.Report.Id, StringComparer.Ordinal);
        var claims = folders
            .Select((folder, i) => (Folder: folder, Id: manifests[i] is { Error: null, Manifest: { } manifest } ? manifest.Id : null))
            .Where(claim => claim.Id is not null)
            .GroupBy(claim => claim.Id!, StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var keeper = claim.Select(c => c.Folder).FirstOrDefault(folder => servedBefore.TryGetValue(folder, out var id)
                && string.Equals(id, claim.Key, StringComparison.OrdinalIgnoreCase)) ?? claim.First().Folder;
            foreach (var (folder, _) in claim.Where(c => !string.Equals(c.Folder, keeper, StringComparison.Ordinal)))
            {
                refused[folder] = keeper;
            }
        }

        return refused;
    }
}
