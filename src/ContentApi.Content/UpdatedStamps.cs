using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// Warnings about <c>updated</c> values the changes feed cannot order by: a date with no time of day, or a moment in
/// the future. The host still notices every edit (it stamps one it could not order with the time it noticed it), but a
/// partner then sees an edit at a time the author did not write, and another instance may order it differently.
/// </summary>
public static class UpdatedStamps
{
    // A clock a few minutes fast on the author's machine is not worth a warning.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>One warning per item whose <c>updated</c> is a bare date or in the future.</summary>
    /// <param name="content">A plugin's validated content.</param>
    /// <param name="kinds">The content kinds.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The warnings, located at each item.</returns>
    public static IEnumerable<ContentProblem> Check(PluginContent content, ContentKindRegistry kinds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var (kind, item) in kinds.ItemsIn(content).Where(e => e.Kind.InChangesFeed))
        {
            if (item.Updated is not { } updated)
            {
                continue;
            }

            var location = $"{item.Origin ?? kind.Name} ({kind.Name} '{item.Id}')";
            if (updated > now + Tolerance)
            {
                yield return new ContentProblem(location,
                    $"updated: {updated:yyyy-MM-dd'T'HH:mm:ss'Z'} is in the future; set it to when you made the edit, or partners see the edit then");
            }
            else if (updated.TimeOfDay == TimeSpan.Zero)
            {
                yield return new ContentProblem(location,
                    $"updated: {updated:yyyy-MM-dd} gives no time of day, so it reads as midnight UTC, before edits made earlier that day; write the time too ({updated:yyyy-MM-dd}Thh:mm:ssZ)");
            }
        }
    }
}
