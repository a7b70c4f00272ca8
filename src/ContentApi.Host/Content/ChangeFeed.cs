using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContentApi.Host.Content;

/// <summary>What happened to an item, as the changes feed reports it.</summary>
public enum ChangeType
{
    /// <summary>First published since the position asked about.</summary>
    Created,

    /// <summary>Changed: fetch it again (compare <c>contentHash</c> to skip what you already have).</summary>
    Updated,

    /// <summary>Withdrawn or removed: take it down. A tombstone; fetching it answers 410 Gone.</summary>
    Withdrawn,

    /// <summary>Withheld because its review is long overdue: take it down until it is reviewed and updated again.</summary>
    Withheld,
}

/// <summary>
/// One entry in the changes feed; <paramref name="Path"/> is where its kind serves it (relative to a version's root),
/// and <paramref name="Item"/> is null for an item no longer in the content.
/// </summary>
internal sealed record ChangeEvent(
    ItemKey Key, ChangeType Type, DateTimeOffset At, string ContentHash, string Plugin, string? ForceId, string? Notice, string? Path, ContentItem? Item = null);

/// <summary>An item that disappeared between two loads this instance made, and where it was served.</summary>
internal sealed record RemovedItem(ItemKey Key, string Plugin, string? ForceId, string LastHash, DateTimeOffset RemovedAt, string? Path);

/// <summary>
/// When an item version counts as changed. Derived from the item's own data, so every instance serving the same
/// content orders the feed the same way and cursors work across instances: the latest of <c>updated</c>,
/// <c>firstPublished</c> and the day of <c>review.lastReviewed</c> (and of <c>withdrawal.on</c> for a withdrawn item).
/// </summary>
internal static class ChangeStamp
{
    public static DateTimeOffset Of(ContentItem item)
    {
        var stamp = StartOf(item.Review.LastReviewed);
        if (item.Updated is { } updated && updated > stamp)
        {
            stamp = updated;
        }

        if (item.FirstPublished is { } published && StartOf(published) > stamp)
        {
            stamp = StartOf(published);
        }

        return item.Withdrawal is { } withdrawal && StartOf(withdrawal.On) > stamp ? StartOf(withdrawal.On) : stamp;
    }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// What this instance remembers across reloads, for the two things item data cannot say: an item deleted from a
/// plugin (it becomes a tombstone stamped with the load that noticed), and a new version whose stamp is not later than
/// every stamp already handed out (it is stamped with the load that noticed, or just after the latest stamp when that
/// is later still, so partners still see it). Both are per instance and lost on restart;
/// withdraw with <c>status: withdrawn</c> and set <c>updated</c> on each edit to keep every instance in step.
/// </summary>
internal sealed class ChangeHistory
{
    public static ChangeHistory Empty { get; } = new(new Dictionary<ItemKey, RemovedItem>(), new Dictionary<(ItemKey, string), DateTimeOffset>());

    private ChangeHistory(IReadOnlyDictionary<ItemKey, RemovedItem> removed, IReadOnlyDictionary<(ItemKey, string), DateTimeOffset> restamped)
    {
        Removed = removed;
        Restamped = restamped;
    }

    public IReadOnlyDictionary<ItemKey, RemovedItem> Removed { get; }

    /// <summary>Versions (key and content hash) whose data stamp was not later than every stamp handed out before them.</summary>
    public IReadOnlyDictionary<(ItemKey Key, string Hash), DateTimeOffset> Restamped { get; }

    public DateTimeOffset StampOf(AnyEntry entry) =>
        Restamped.TryGetValue((ItemKey.Of(entry.Kind, entry.Item), ContentHash.Of(entry.Item)), out var noticed) ? noticed : ChangeStamp.Of(entry.Item);

    public ChangeHistory After(ContentSnapshot previous, ContentSnapshot next)
    {
        if (!previous.IsLoaded)
        {
            return this;
        }

        var before = Published(previous);
        var after = Published(next);

        // Whatever its data says (a stamp left unchanged, a date only, another item dated in the future), a version
        // this load notices is stamped after everything the previous content could have handed out, so a cursor
        // taken at any moment still reaches it.
        var handedOut = before.Values.Select(StampOf).Concat(Removed.Values.Select(r => r.RemovedAt)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var noticedAt = next.LoadedAt > handedOut ? next.LoadedAt : handedOut.AddTicks(1);
        var removed = Removed.Where(r => !after.ContainsKey(r.Key)).ToDictionary();
        foreach (var (key, entry) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            removed[key] = new RemovedItem(key, entry.Plugin.Id, entry.Item.ForceId, ContentHash.Of(entry.Item), noticedAt, entry.Kind.PathOf(entry.Item));
        }

        var restamped = Restamped.Where(r => after.TryGetValue(r.Key.Key, out var e) && ContentHash.Of(e.Item) == r.Key.Hash).ToDictionary();
        foreach (var (key, entry) in after)
        {
            var hash = ContentHash.Of(entry.Item);
            var newVersion = !before.TryGetValue(key, out var old) || ContentHash.Of(old.Item) != hash;
            if (newVersion && ChangeStamp.Of(entry.Item) <= handedOut)
            {
                restamped[(key, hash)] = noticedAt;
            }
        }

        return new ChangeHistory(removed, restamped);
    }

    private static Dictionary<ItemKey, AnyEntry> Published(ContentSnapshot snapshot) =>
        snapshot.All.Where(e => e.Kind.InChangesFeed).ToDictionary(e => ItemKey.Of(e.Kind, e.Item));
}

/// <summary>
/// A position in the changes feed: a moment, and optionally the last item returned at that moment. Events are ordered
/// by (time, kind, id, locale), so the position after the last event of a page is where the next page starts.
/// </summary>
internal readonly record struct FeedPosition(DateTimeOffset At, ItemKey? After)
{
    /// <summary>The longest cursor or timestamp accepted; cursors this feed writes are far shorter.</summary>
    public const int MaxCursorLength = 400;

    private const string Prefix = "c1|";

    public bool IsBefore(ChangeEvent change) =>
        change.At > At || (change.At == At && After is { } key && Compare(change.Key, key) > 0);

    public string ToCursor()
    {
        var text = $"{Prefix}{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{After?.Kind}|{After?.Id}|{After?.Locale}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads a cursor from an earlier page, or an ISO 8601 timestamp.</summary>
    public static bool TryParse(string? text, out FeedPosition position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TryParseCursor(text, out position))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            position = new FeedPosition(moment, null);
            return true;
        }

        return false;
    }

    public static int Compare(ItemKey a, ItemKey b)
    {
        var kind = string.CompareOrdinal(a.Kind, b.Kind);
        if (kind != 0)
        {
            return kind;
        }

        var id = string.CompareOrdinal(a.Id, b.Id);
        return id != 0 ? id : string.CompareOrdinal(a.Locale, b.Locale);
    }

    private static bool TryParseCursor(string text, out FeedPosition position)
    {
        position = default;
        if (text.Length > MaxCursorLength)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = decoded.Split('|');
        if (parts.Length != 5 || parts[0] + "|" != Prefix ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
            ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        ItemKey? key = parts[2].Length == 0 ? null : new ItemKey(parts[2], parts[3], parts[4]);
        position = new FeedPosition(new DateTimeOffset(ticks, TimeSpan.Zero), key);
        return true;
    }
}

/// <summary>Builds the changes feed from the current content, this instance's history and the review policy.</summary>
internal static partial class ChangeFeed
{
    /// <summary>National items always; with <paramref name="force"/>, that force's items too.</summary>
    public static bool InScope(string? forceId, string? force) =>
        forceId is null || string.Equals(forceId, force, StringComparison.OrdinalIgnoreCase);

    public static (IReadOnlyList<ChangeEvent> Changes, bool HasMore) Since(
        ContentSnapshot snapshot, ChangeHistory history, ReviewClock reviews, FeedPosition position, string? force, int limit)
    {
        var page = Latest(snapshot, history, reviews, position)
            .Where(c => InScope(c.ForceId, force))
            .Where(position.IsBefore)
            .OrderBy(c => c.At)
            .ThenBy(c => c.Key, Comparer<ItemKey>.Create(FeedPosition.Compare))
            .Take(limit + 1)
            .ToList();
        return page.Count > limit ? (page.Take(limit).ToList(), true) : (page, false);
    }

    /// <summary>Every item's latest change, of every force, whether or not it comes after <paramref name="position"/>.</summary>
    private static IEnumerable<ChangeEvent> Latest(ContentSnapshot snapshot, ChangeHistory history, ReviewClock reviews, FeedPosition position)
    {
        var present = snapshot.All
            .Where(e => e.Kind.InChangesFeed)
            .Select(e => Describe(e, history.StampOf(e), reviews, position));
        var removed = history.Removed.Values
            .Select(r => new ChangeEvent(r.Key, ChangeType.Withdrawn, r.RemovedAt, r.LastHash, r.Plugin, r.ForceId,
                $"Removed from plugin '{r.Plugin}'.", r.Path));
        return present.Concat(removed);
    }

    private static ChangeEvent Describe(AnyEntry entry, DateTimeOffset stamp, ReviewClock reviews, FeedPosition position)
    {
        var item = entry.Item;
        var hash = ContentHash.Of(item);
        var key = ItemKey.Of(entry.Kind, entry.Item);
        var path = entry.Kind.PathOf(item);
        if (item.Withdrawal is { } withdrawal && item.Status == ContentStatus.Withdrawn)
        {
            return new ChangeEvent(key, ChangeType.Withdrawn, stamp, hash, entry.Plugin.Id, item.ForceId, withdrawal.Reason, path, item);
        }

        if (reviews.StatusOf(item) == ReviewStatus.Withheld && reviews.WithheldFromOrNull(item) is { } from)
        {
            var withheldAt = ChangeStamp.StartOf(from);
            return new ChangeEvent(key, ChangeType.Withheld, withheldAt > stamp ? withheldAt : stamp, hash, entry.Plugin.Id, item.ForceId,
                $"Withheld: its review was due on {item.Review.NextReviewDue:yyyy-MM-dd} and it has not been reviewed since.", path, item);
        }

        var created = item.FirstPublished is { } published && ChangeStamp.StartOf(published) >= position.At;
        return new ChangeEvent(key, created ? ChangeType.Created : ChangeType.Updated, stamp, hash, entry.Plugin.Id, item.ForceId, null, path, item);
    }
}
