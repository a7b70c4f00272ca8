using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The content kinds a reader and a host know, each declared once. <see cref="Default"/> holds the contract's kinds;
/// <see cref="With"/> adds more (a host's own kinds, or a test's). Everything that lists kinds asks a registry.
/// </summary>
public sealed class ContentKindRegistry
{
    private readonly Dictionary<string, ContentKind> _byName;
    private readonly Dictionary<Type, ContentKind> _byType;

    private ContentKindRegistry(IReadOnlyList<ContentKind> kinds)
    {
        All = kinds;
        _byName = kinds.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);
        _byType = kinds.ToDictionary(k => k.ItemType);
    }

    /// <summary>The kinds of the contract: topic, guidance, contact, age band, advice, force, signposting rule and tier heading.</summary>
    public static ContentKindRegistry Default { get; } = new(
    [
        BuiltInKinds.Topic, BuiltInKinds.Guidance, BuiltInKinds.Contact, BuiltInKinds.AgeBand, BuiltInKinds.Advice,
        BuiltInKinds.Force, BuiltInKinds.SignpostingRule, BuiltInKinds.SignpostingTier,
    ]);

    /// <summary>Every kind, in the order content is listed.</summary>
    public IReadOnlyList<ContentKind> All { get; }

    /// <summary>The kind Markdown files hold unless their front matter says otherwise.</summary>
    public static ContentKind MarkdownKind => BuiltInKinds.Guidance;

    /// <summary>A registry with more kinds.</summary>
    /// <param name="kinds">Kinds to add; names and item types must be new.</param>
    /// <returns>The larger registry.</returns>
    public ContentKindRegistry With(params IEnumerable<ContentKind> kinds)
    {
        var added = kinds.ToList();
        if (added.FirstOrDefault(k => _byName.ContainsKey(k.Name) || _byType.ContainsKey(k.ItemType)) is { } clash)
        {
            throw new ArgumentException($"a kind named '{clash.Name}' or of type {clash.ItemType.Name} is already declared", nameof(kinds));
        }

        return new([.. All, .. added]);
    }

    /// <summary>The kind with a name, as written in files (case does not matter).</summary>
    /// <param name="name">For example <c>contact</c>.</param>
    /// <returns>The kind, or null.</returns>
    public ContentKind? Find(string? name) => name is not null && _byName.TryGetValue(name.Trim(), out var kind) ? kind : null;

    /// <summary>The kind an item belongs to, by its type.</summary>
    /// <param name="item">An item.</param>
    /// <returns>The kind, or null for a type no kind declares.</returns>
    public ContentKind? Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _byType.GetValueOrDefault(item.GetType());
    }

    /// <summary>Every item of every kind in a plugin's content, with its kind.</summary>
    /// <param name="content">A plugin's content.</param>
    /// <returns>The items, kind by kind.</returns>
    public IEnumerable<(ContentKind Kind, ContentItem Item)> ItemsIn(PluginContent content) =>
        All.SelectMany(kind => kind.ItemsIn(content).Select(item => (kind, item)));

    /// <summary>Sorts items into content, each into its kind's list.</summary>
    /// <param name="items">Items of any declared kind.</param>
    /// <param name="problems">The content's problems.</param>
    /// <returns>The content.</returns>
    public PluginContent Collect(IEnumerable<ContentItem> items, IReadOnlyList<ContentProblem> problems)
    {
        var byKind = items.ToLookup(Of);
        return All.Aggregate(new PluginContent { Problems = problems }, (content, kind) => kind.WithItems(content, byKind[kind]));
    }

    /// <summary>One line that counts what content holds, kind by kind, for logs.</summary>
    /// <param name="content">A plugin's content.</param>
    /// <returns>For example "3 topic, 12 guidance, 0 contact...".</returns>
    public string Describe(PluginContent content) =>
        string.Join(", ", All.Select(kind => $"{kind.ItemsIn(content).Count} {kind.Name}"));
}
