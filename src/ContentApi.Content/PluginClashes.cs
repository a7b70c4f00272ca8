using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>One plugin's content as the clash check sees it: the plugin's id and the items it would serve.</summary>
/// <param name="PluginId">The plugin's id, named in the other plugin's problem.</param>
/// <param name="Content">The plugin's validated content.</param>
public sealed record SuppliedContent(string PluginId, PluginContent Content);

/// <summary>An item refused because of another plugin, and why.</summary>
/// <param name="Key">The refused item's kind, id and locale.</param>
/// <param name="Item">The refused item.</param>
/// <param name="Problem">Where it is and why it was refused.</param>
public sealed record ContentClash(ItemKey Key, ContentItem Item, ContentProblem Problem);

/// <summary>
/// What only the whole set of plugins reveals and would otherwise lose content without a word: an item id another
/// plugin already supplies (one of the two would silently win) and an override of a national item nobody supplies (the
/// override would then be served beside whatever later takes that id). Both are errors. The host and the author's kit
/// (against the national content) run this same check, so both refuse the same items in the same words.
/// </summary>
public static class PluginClashes
{
    /// <summary>Finds every clash among <paramref name="plugins"/>.</summary>
    /// <param name="plugins">Every plugin that will be served, in folder order.</param>
    /// <param name="previousOwners">
    /// Which plugin id supplied each item (kind, id, locale) before: that plugin keeps the id, so a clash is blamed on
    /// the plugin that newly claims it. Without one, the earlier plugin in <paramref name="plugins"/> keeps it.
    /// </param>
    /// <param name="kinds">The content kinds.</param>
    /// <returns>The clashes of each plugin, in the order of <paramref name="plugins"/>.</returns>
    public static IReadOnlyList<IReadOnlyList<ContentClash>> Find(
        IReadOnlyList<SuppliedContent> plugins, IReadOnlyDictionary<ItemKey, string>? previousOwners, ContentKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(kinds);
        var owners = OwnerOfEachItem(plugins, previousOwners ?? new Dictionary<ItemKey, string>(), kinds);
        var everything = ContentIndex.Of(plugins.Select(p => p.Content), kinds);
        return plugins.Select(plugin => (IReadOnlyList<ContentClash>)kinds.ItemsIn(plugin.Content)
            .Select(entry => Clash(plugin, entry.Kind, entry.Item, owners, everything))
            .OfType<ContentClash>()
            .ToList()).ToList();
    }

    /// <summary>The content without the items refused for clashes.</summary>
    /// <param name="content">A plugin's content.</param>
    /// <param name="clashes">That plugin's clashes.</param>
    /// <param name="kinds">The content kinds.</param>
    /// <returns>The content that may be served.</returns>
    public static PluginContent Without(PluginContent content, IReadOnlyList<ContentClash> clashes, ContentKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(clashes);
        ArgumentNullException.ThrowIfNull(kinds);
        var refused = clashes.Select(c => c.Item).ToHashSet(ReferenceEqualityComparer.Instance);
        return kinds.Collect(kinds.ItemsIn(content).Select(e => e.Item).Where(item => !refused.Contains(item)), content.Problems);
    }

    /// <summary>Which plugin supplies each item (kind, id, locale) of <paramref name="plugins"/>.</summary>
    /// <param name="plugins">The plugins.</param>
    /// <param name="kinds">The content kinds.</param>
    /// <returns>The owner of each item; for an id two plugins supply, the earlier one.</returns>
    public static IReadOnlyDictionary<ItemKey, string> OwnersIn(IEnumerable<SuppliedContent> plugins, ContentKindRegistry kinds) =>
        OwnerOfEachItem(plugins.ToList(), new Dictionary<ItemKey, string>(), kinds);

    private static Dictionary<ItemKey, string> OwnerOfEachItem(
        IReadOnlyList<SuppliedContent> plugins, IReadOnlyDictionary<ItemKey, string> previousOwners, ContentKindRegistry kinds)
    {
        var suppliers = plugins
            .SelectMany(plugin => kinds.ItemsIn(plugin.Content).SelectMany(entry => Claims(entry.Kind, entry.Item)).Select(key => (Key: key, plugin.PluginId)))
            .GroupBy(supplied => supplied.Key, supplied => supplied.PluginId);
        return suppliers.ToDictionary(
            group => group.Key,
            group => previousOwners.TryGetValue(group.Key, out var before) && group.Contains(before, StringComparer.Ordinal) ? before : group.First());
    }

    // An item claims its id, and an override also claims its target for its force: two replacements of one national
    // item for one force would both be served.
    private static IEnumerable<ItemKey> Claims(ContentKind kind, ContentItem item) =>
        item.Overrides is { } target && kind.ForceScoped
            ? [ItemKey.Of(kind, item), OverrideKey(kind, item, target)]
            : [ItemKey.Of(kind, item)];

    private static ItemKey OverrideKey(ContentKind kind, ContentItem item, string target) => new($"{kind.Name} override for {item.ForceId}", target, item.Locale);

    private static ContentClash? Clash(SuppliedContent plugin, ContentKind kind, ContentItem item, Dictionary<ItemKey, string> owners, ContentIndex everything)
    {
        var location = $"{item.Origin ?? kind.Name} ({kind.Name} '{item.Id}')";
        var owner = owners[ItemKey.Of(kind, item)];
        if (!string.Equals(owner, plugin.PluginId, StringComparison.Ordinal))
        {
            return new ContentClash(ItemKey.Of(kind, item), item, new ContentProblem(location,
                $"id: {kind.Name} '{item.Id}' ({item.Locale}) is already supplied by plugin '{owner}', so this one is not served; " +
                $"to replace it for your force, give yours a new id and add overrides: {item.Id}"));
        }

        if (item.Overrides is { } replaced && kind.ForceScoped && owners[OverrideKey(kind, item, replaced)] is var replacer
            && !string.Equals(replacer, plugin.PluginId, StringComparison.Ordinal))
        {
            return new ContentClash(ItemKey.Of(kind, item), item, new ContentProblem(location,
                $"overrides: plugin '{replacer}' already replaces {kind.Name} '{replaced}' for force '{item.ForceId}', so this one is not served; " +
                "one plugin per force should replace a national item"));
        }

        if (kind.ForceScoped && item.Overrides is { } target && !everything.ContainsNational(kind.Name, target))
        {
            return new ContentClash(ItemKey.Of(kind, item), item, new ContentProblem(location,
                $"overrides: no national {kind.Name} '{target}' is loaded, so this item would stand beside whatever later takes that id; " +
                "check the id, or remove overrides to add a new item"));
        }

        return null;
    }
}

/// <summary>An item's identity across plugins and loads: its kind, id and locale.</summary>
/// <param name="Kind">The kind's name.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Locale">The item's locale.</param>
public readonly record struct ItemKey(string Kind, string Id, string Locale)
{
    /// <summary>The key of <paramref name="item"/>.</summary>
    /// <param name="kind">The item's kind.</param>
    /// <param name="item">The item.</param>
    /// <returns>Its key.</returns>
    public static ItemKey Of(ContentKind kind, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(item);
        return new(kind.Name, item.Id, item.Locale);
    }
}
