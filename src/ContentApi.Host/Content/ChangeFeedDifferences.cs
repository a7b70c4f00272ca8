namespace ContentApi.Host.Content;

/// <summary>What the changes feed said at one moment: the content, this instance's history and the review clock.</summary>
internal sealed record ChangeFeedView(ContentState State, ReviewClock Reviews);

internal static partial class ChangeFeed
{
    // Past every stamp, so the feed describes each present item as updated; Between says created by comparing views.
    private static readonly FeedPosition AfterEverything = new(DateTimeOffset.MaxValue, null);

    /// <summary>
    /// What the changes feed shows in <paramref name="after"/> that it did not show in <paramref name="before"/>: each
    /// item whose change or content hash moved, in the feed's own order. An item the feed did not list before is
    /// created (unless it arrives withdrawn or withheld). Pushed changes (webhooks) are read from here, so they say
    /// exactly what a partner polling the feed would see.
    /// </summary>
    public static IReadOnlyList<ChangeEvent> Between(ChangeFeedView before, ChangeFeedView after)
    {
        if (!before.State.Snapshot.IsLoaded)
        {
            return [];
        }

        var known = Latest(before.State.Snapshot, before.State.History, before.Reviews, AfterEverything)
            .DistinctBy(c => c.Key)
            .ToDictionary(c => c.Key, c => (c.Type, c.ContentHash));
        return Latest(after.State.Snapshot, after.State.History, after.Reviews, AfterEverything)
            .Where(c => !known.TryGetValue(c.Key, out var was) || was != (c.Type, c.ContentHash))
            .Select(c => known.ContainsKey(c.Key) || c.Type != ChangeType.Updated ? c : c with { Type = ChangeType.Created })
            .OrderBy(c => c.At)
            .ThenBy(c => c.Key, Comparer<ItemKey>.Create(FeedPosition.Compare))
            .ToList();
    }
}
