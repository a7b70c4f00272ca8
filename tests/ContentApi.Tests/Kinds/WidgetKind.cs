using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Tests.Kinds;

// A content kind that exists only in this test project: one declaration (item, file shape, kind) and nothing else.
// DeclaredKindTests prove the reader, validator, index, snapshot, cache fingerprint and changes feed take it in.

/// <summary>A made-up item.</summary>
public sealed record Widget : ContentItem
{
    public required string Name { get; init; }

    public IReadOnlyList<string> RelatedContacts { get; init; } = [];
}

#pragma warning disable CA1002, CA2227 // Mutable lists are what the YAML deserializer fills.
/// <summary>A widget in a content file.</summary>
public sealed class WidgetDocument : ItemDocument
{
    [PerLocale]
    public string? Name { get; set; }

    public List<string>? RelatedContacts { get; set; }
}
#pragma warning restore CA1002, CA2227

/// <summary>The widget kind: served at <c>widgets/{id}</c>, synced through the changes feed.</summary>
public sealed class WidgetKind : ContentKind<Widget, WidgetDocument>
{
    public const int MaxNameLength = 40;

    public WidgetKind()
        : base("widget", "widgets") => InChangesFeed = true;

    protected override Widget Build(WidgetDocument document, ItemFields fields, CommonFields common) => new()
    {
        Id = common.Id,
        Source = common.Source,
        Review = common.Review,
        Name = fields.Required(document.Name, "name"),
        RelatedContacts = document.RelatedContacts ?? [],
    };

    protected override string Title(Widget item) => item.Name;

    protected override IEnumerable<ContentReference> References(Widget item) =>
        [new("relatedContacts", BuiltInKinds.Contact.Name, item.RelatedContacts)];

    protected override void Check(Widget item, ICollection<string> reasons)
    {
        if (item.Name.Length > MaxNameLength)
        {
            reasons.Add($"name: at most {MaxNameLength} characters");
        }
    }
}
