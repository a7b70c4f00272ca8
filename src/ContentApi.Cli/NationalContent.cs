namespace ContentApi.Cli;

/// <summary>
/// The national plugins shipped inside the tool (its <c>plugins/</c> folder, built from the host's own first-party
/// plugins): what an author's pack is checked against and what <c>preview</c> serves beside it.
/// </summary>
internal static class NationalContent
{
    /// <summary>The folder holding the national plugin folders.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The national plugin folders: every shipped plugin that belongs to no force.</summary>
    public static Task<IReadOnlyList<string>> FoldersAsync(CancellationToken cancellationToken) =>
        Plugins.Testing.NationalContent.FoldersAsync(Root, cancellationToken);
}
