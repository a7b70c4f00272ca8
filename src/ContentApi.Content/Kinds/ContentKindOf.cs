using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// Declares a content kind: derive, pass the name and collection, map a document to an item in
/// <see cref="Build"/>, name the field that titles its items with <see cref="TitledBy"/> and the other text fields
/// every item needs with <see cref="RequireText"/>, and override what differs from the defaults (no rules of its own,
/// titled by id, served at <c>{collection}/{id}</c>, not in the changes feed, no references).
/// </summary>
/// <typeparam name="TItem">The contract type of the kind's items.</typeparam>
/// <typeparam name="TDocument">The shape of one item in a content file.</typeparam>
/// <param name="name">The <c>kind:</c> of its items in files.</param>
/// <param name="collection">The route segment it is served under.</param>
public abstract class ContentKind<TItem, TDocument>(string name, string collection)
    : ContentKind(name, collection, typeof(TItem), typeof(TDocument))
    where TItem : ContentItem
    where TDocument : ItemDocument, new()
{
    private readonly List<(string Field, Func<TItem, string?> Text)> _requiredTexts = [];
    private Func<TItem, string>? _title;

    /// <inheritdoc />
    public sealed override string TitleOf(ContentItem item) => Title((TItem)item);

    /// <inheritdoc />
    public sealed override SearchText SearchTextOf(ContentItem item) => Search((TItem)item);

    /// <inheritdoc />
    public sealed override string? PathOf(ContentItem item) => Path((TItem)item);

    /// <inheritdoc />
    public sealed override IEnumerable<ContentReference> ReferencesOf(ContentItem item) => References((TItem)item);

    /// <inheritdoc />
    public sealed override void Check(ContentItem item, ICollection<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        foreach (var (field, text) in _requiredTexts)
        {
            ContentRules.RequireText(text((TItem)item), field, reasons);
        }

        Check((TItem)item, reasons);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ContentItem> ItemsIn(PluginContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.OtherItems.OfType<TItem>().ToList();
    }

    /// <inheritdoc />
    public override PluginContent WithItems(PluginContent content, IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with { OtherItems = [.. content.OtherItems.Where(i => i is not TItem), .. items.Cast<TItem>()] };
    }

    internal sealed override ContentItem? Map(ItemDocument document, ItemFields fields) =>
        fields.Common(document) is { } common
            ? Complete(fields.ApplyCommon(Build((TDocument)document, fields, common), document), (TDocument)document)
            : null;

    /// <summary>Builds the item from its document; report missing or malformed fields through <paramref name="fields"/>.</summary>
    /// <param name="document">The document as read.</param>
    /// <param name="fields">Parses fields and records problems with their place in the file.</param>
    /// <param name="common">The id, source and review every item has (the rest of the common fields are applied after).</param>
    /// <returns>The item.</returns>
    protected abstract TItem Build(TDocument document, ItemFields fields, CommonFields common);

    /// <summary>
    /// Declares a text field every item of the kind must have. Items reach the rules from code plugins too, not only
    /// from files, so a field <see cref="Build"/> reads as required is declared here as well; it is checked before the
    /// kind's own rules, in the order declared.
    /// </summary>
    /// <param name="field">The field's name in files, for example <c>title</c>.</param>
    /// <param name="text">Reads the field from an item.</param>
    protected void RequireText(string field, Func<TItem, string?> text) => _requiredTexts.Add((field, text));

    /// <summary>
    /// Declares the text field that names the kind's items: every item must have it (see <see cref="RequireText"/>),
    /// it is their title in lists that mix kinds, and search ranks by it first.
    /// </summary>
    /// <param name="field">The field's name in files, for example <c>name</c>.</param>
    /// <param name="title">Reads the field from an item.</param>
    protected void TitledBy(string field, Func<TItem, string> title)
    {
        _title = title;
        RequireText(field, title);
    }

    /// <summary>Finishes an item once the fields every item has are applied (to derive one field from another).</summary>
    /// <param name="item">The item with every field applied.</param>
    /// <param name="document">The document as read.</param>
    /// <returns>The item unless overridden.</returns>
    protected virtual TItem Complete(TItem item, TDocument document) => item;

    /// <summary>The words that name an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The field declared with <see cref="TitledBy"/>, else the id, unless overridden.</returns>
    protected virtual string Title(TItem item) => item is null ? string.Empty : _title?.Invoke(item) ?? item.Id;

    /// <summary>What search ranks an item by.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The title unless overridden.</returns>
    protected virtual SearchText Search(TItem item) => new(Title(item));

    /// <summary>Where an item is served.</summary>
    /// <param name="item">The item.</param>
    /// <returns><c>{collection}/{id}</c> unless overridden.</returns>
    protected virtual string? Path(TItem item) => $"{Collection}/{Uri.EscapeDataString(item?.Id ?? string.Empty)}";

    /// <summary>The ids an item points at.</summary>
    /// <param name="item">The item.</param>
    /// <returns>None unless overridden.</returns>
    protected virtual IEnumerable<ContentReference> References(TItem item) => [];

    /// <summary>The kind's own rules.</summary>
    /// <param name="item">The item.</param>
    /// <param name="reasons">Where to add <c>field: reason</c> texts.</param>
    protected virtual void Check(TItem item, ICollection<string> reasons)
    {
    }
}

/// <summary>
/// A kind the contract lists in <see cref="PluginContent"/> under a property of its own.
/// </summary>
/// <typeparam name="TItem">The contract type of the kind's items.</typeparam>
/// <typeparam name="TDocument">The shape of one item in a content file.</typeparam>
/// <param name="name">The <c>kind:</c> of its items in files.</param>
/// <param name="collection">The route segment it is served under.</param>
/// <param name="get">Reads the kind's list from content.</param>
/// <param name="set">Replaces the kind's list in content.</param>
internal abstract class ContractKind<TItem, TDocument>(
    string name, string collection, Func<PluginContent, IReadOnlyList<TItem>> get, Func<PluginContent, IReadOnlyList<TItem>, PluginContent> set)
    : ContentKind<TItem, TDocument>(name, collection)
    where TItem : ContentItem
    where TDocument : ItemDocument, new()
{
    /// <inheritdoc />
    public sealed override IReadOnlyList<ContentItem> ItemsIn(PluginContent content) => get(content);

    /// <inheritdoc />
    public sealed override PluginContent WithItems(PluginContent content, IEnumerable<ContentItem> items) =>
        set(content, items.Cast<TItem>().ToList());
}
