namespace ContentApi.Host.Content;

/// <summary>What a request asks for; every field is optional. Built from validated query parameters.</summary>
internal sealed record ContentFilter
{
    public string? Topic { get; init; }
    public Audience? Audience { get; init; }
    public int? Age { get; init; }
    public AgeRange? AgeBandRange { get; init; }
    public string? Force { get; init; }
    public string Locale { get; init; } = ContentItem.DefaultLocale;
    public string? Text { get; init; }
    public required ReviewClock Reviews { get; init; }
}

/// <summary>
/// The one place that decides which items a request sees, for every kind of content:
/// <list type="number">
/// <item>Scope: national items; when a force is named, that force's items too (other forces' local items never appear).</item>
/// <item>Overrides: a force's item with <c>overrides: X</c> replaces national item X for that force.</item>
/// <item>Publication: withdrawn items, and items withheld because their review is long overdue, are left out
/// before a locale is picked, so a withheld translation falls back to a served original.</item>
/// <item>Locale: for each id, the requested locale if there is one, otherwise en-GB.</item>
/// <item>Filters: audience, age (an item with no age range suits every age), age band (overlap), topic.</item>
/// </list>
/// Text search ranks what these steps select (see <see cref="RankedSearch"/>).
/// </summary>
internal static class ContentQuery
{
    public static List<Entry<T>> Resolve<T>(IReadOnlyList<Entry<T>> entries, ContentFilter filter)
        where T : ContentItem
    {
        var served = Scope(entries, filter.Force).Where(e => filter.Reviews.IsServed(e.Item)).ToList();
        return PickLocale(served, filter.Locale).Where(e => Matches(e.Item, filter)).ToList();
    }

    /// <summary>
    /// One item by id in the best locale. When a force is named and that force overrides the id, the force's item is
    /// returned in its place; a force's local item is found only when that force is named. A served version is preferred;
    /// when none is served, the withdrawn or withheld one is returned so the caller can say why it is not.
    /// </summary>
    public static Entry<T>? Find<T>(IReadOnlyList<Entry<T>> entries, string id, string locale, ReviewClock reviews, string? force = null)
        where T : ContentItem
    {
        var replacement = force is null
            ? []
            : entries.Where(e => e.Item.Overrides == id && string.Equals(e.Item.ForceId, force, StringComparison.OrdinalIgnoreCase)).ToList();
        // A force's local item is found only when that force is named, as in lists: other forces' items never appear.
        var candidates = replacement.Count > 0
            ? replacement
            : entries.Where(e => e.Item.Id == id && (e.Item.ForceId is null || string.Equals(e.Item.ForceId, force, StringComparison.OrdinalIgnoreCase))).ToList();
        var served = candidates.Where(e => reviews.IsServed(e.Item)).ToList();
        return PickLocale(served.Count > 0 ? served : candidates, locale).FirstOrDefault();
    }

    private static List<Entry<T>> Scope<T>(IReadOnlyList<Entry<T>> entries, string? force)
        where T : ContentItem
    {
        if (force is null)
        {
            return entries.Where(e => e.Item.ForceId is null).ToList();
        }

        var overridden = entries
            .Where(e => e.Item.Overrides is not null && string.Equals(e.Item.ForceId, force, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Item.Overrides!)
            .ToHashSet(StringComparer.Ordinal);
        return entries
            .Where(e => e.Item.ForceId is null
                ? !overridden.Contains(e.Item.Id)
                : string.Equals(e.Item.ForceId, force, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static IEnumerable<Entry<T>> PickLocale<T>(List<Entry<T>> entries, string locale)
        where T : ContentItem
    {
        // Most content exists in one locale only; group only when translations exist.
        var byId = new Dictionary<string, Entry<T>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in entries)
        {
            if (!byId.TryGetValue(entry.Item.Id, out var chosen))
            {
                byId[entry.Item.Id] = entry;
                order.Add(entry.Item.Id);
            }
            else if (Rank(entry.Item.Locale, locale) < Rank(chosen.Item.Locale, locale))
            {
                byId[entry.Item.Id] = entry;
            }
        }

        return order.Select(id => byId[id]);
    }

    private static int Rank(string itemLocale, string wanted) =>
        string.Equals(itemLocale, wanted, StringComparison.OrdinalIgnoreCase) ? 0
        : string.Equals(itemLocale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase) ? 1
        : 2;

    private static bool Matches<T>(T item, ContentFilter filter)
        where T : ContentItem
    {
        if (filter.Audience is { } audience && item.Audiences.Count > 0 && !item.Audiences.Contains(audience))
        {
            return false;
        }

        if (filter.Age is { } age && item.AgeRange is { } range && !range.Contains(age))
        {
            return false;
        }

        if (filter.AgeBandRange is { } band && item.AgeRange is { } itemRange && !itemRange.Overlaps(band))
        {
            return false;
        }

        return filter.Topic is not { } topic || item.Topics.Contains(topic, StringComparer.Ordinal);
    }
}
