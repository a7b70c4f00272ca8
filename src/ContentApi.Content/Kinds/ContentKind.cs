using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// One kind of content (guidance, contact, topic...), declared once: its name in files, its item type, the shape of
/// its files, its validation rules, its title, where it is served, the cache tag of its responses, its search fields
/// and whether partners see it in the changes feed. The reader, the validator, the index, the host's snapshot, cache
/// and changes feed all read these declarations from a <see cref="ContentKindRegistry"/>, so a new kind is one new
/// declaration plus its files. Derive from <see cref="ContentKind{TItem, TDocument}"/> to declare one.
/// </summary>
public abstract class ContentKind
{
    private protected ContentKind(string name, string collection, Type itemType, Type documentType)
    {
        Name = name;
        Collection = collection;
        ItemType = itemType;
        DocumentType = documentType;
        CacheTag = collection;
    }

    /// <summary>The kind's name: the <c>kind:</c> of its items in files, and the <c>kind</c> the changes feed reports.</summary>
    public string Name { get; }

    /// <summary>The route segment its items are served under, for example <c>contacts</c>.</summary>
    public string Collection { get; }

    /// <summary>The contract type of its items.</summary>
    public Type ItemType { get; }

    /// <summary>The shape of one item in a content file; the JSON Schema of the kind's files is generated from it.</summary>
    public Type DocumentType { get; }

    /// <summary>
    /// The tag (after <c>kind:</c>) of the responses its items appear in; kinds served together share one. Null for a kind
    /// whose items feed answers drawn from many kinds: those answers are reached by any plugin's purge.
    /// </summary>
    public string? CacheTag { get; init; }

    /// <summary>Whether partners sync it through the changes feed; kinds that only shape the API's answers are not.</summary>
    public bool InChangesFeed { get; init; }

    /// <summary>
    /// Whether a force's plugin speaks for that force in this kind: its items are given the plugin's force, and a
    /// force's item may override a national item of the kind.
    /// </summary>
    public bool ForceScoped { get; init; }

    /// <summary>What a translator is told about the kind's items, beside each of their strings.</summary>
    public string? TranslatorNote { get; init; }

    /// <summary>The words that name an item in lists that mix kinds.</summary>
    /// <param name="item">An item of this kind.</param>
    /// <returns>Its title, name or label.</returns>
    public abstract string TitleOf(ContentItem item);

    /// <summary>What search ranks an item by.</summary>
    /// <param name="item">An item of this kind.</param>
    /// <returns>Its title, summary and body as search sees them.</returns>
    public abstract SearchText SearchTextOf(ContentItem item);

    /// <summary>Where one item is served, relative to an API version's root (<c>contacts/childline</c>), or null.</summary>
    /// <param name="item">An item of this kind.</param>
    /// <returns>The path, without query.</returns>
    public abstract string? PathOf(ContentItem item);

    /// <summary>The ids an item points at, for checks that the targets exist.</summary>
    /// <param name="item">An item of this kind.</param>
    /// <returns>Every reference, with the field it is in and the kind it must name.</returns>
    public abstract IEnumerable<ContentReference> ReferencesOf(ContentItem item);

    /// <summary>This kind's items in a plugin's content.</summary>
    /// <param name="content">A plugin's content.</param>
    /// <returns>The items, in order.</returns>
    public abstract IReadOnlyList<ContentItem> ItemsIn(PluginContent content);

    /// <summary>The content with this kind's items replaced.</summary>
    /// <param name="content">A plugin's content.</param>
    /// <param name="items">The new items, all of <see cref="ItemType"/>.</param>
    /// <returns>The changed content.</returns>
    public abstract PluginContent WithItems(PluginContent content, IEnumerable<ContentItem> items);

    /// <summary>Adds the reasons an item of this kind breaks the kind's own rules (the rules of every item are checked apart).</summary>
    /// <param name="item">An item of this kind.</param>
    /// <param name="reasons">Where to add <c>field: reason</c> texts.</param>
    public abstract void Check(ContentItem item, ICollection<string> reasons);

    /// <summary>Maps one read document to an item; problems go to <paramref name="fields"/>.</summary>
    internal abstract ContentItem? Map(ItemDocument document, ItemFields fields);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>What search ranks an item by: title counts most, then summary, then body.</summary>
/// <param name="Title">The title or name.</param>
/// <param name="Summary">A summary or description, if any.</param>
/// <param name="Body">Longer text, if any.</param>
public sealed record SearchText(string Title, string? Summary = null, string? Body = null);

/// <summary>Ids in one field of an item that must name items of another kind.</summary>
/// <param name="Field">The field, for example <c>relatedContacts</c>.</param>
/// <param name="TargetKind">The kind the ids must name, for example <c>contact</c>.</param>
/// <param name="Ids">The ids.</param>
public sealed record ContentReference(string Field, string TargetKind, IReadOnlyList<string> Ids);
