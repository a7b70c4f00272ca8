using ContentApi.Abstractions;

namespace ContentApi.Content;

#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>A topic in a content file.</summary>
public sealed class TopicDocument : ItemDocument
{
    [PerLocale]
    public string? Name { get; set; }

    [PerLocale]
    public string? Description { get; set; }
}

/// <summary>A guidance article: Markdown front matter, or an item in a YAML file with a <c>body</c>.</summary>
public sealed class GuidanceDocument : ItemDocument, IMarkdownDocument
{
    [PerLocale]
    public string? Title { get; set; }

    [PerLocale]
    public string? Summary { get; set; }

    /// <summary>The article in Markdown; in a Markdown file, everything after the front matter.</summary>
    [PerLocale]
    public string? Body { get; set; }

    public List<string>? RelatedContacts { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591

/// <summary>A document whose kind a Markdown file may hold: the text after the front matter is its body.</summary>
public interface IMarkdownDocument
{
    /// <summary>The Markdown body.</summary>
    string? Body { get; set; }
}

internal sealed class TopicKind : ContractKind<Topic, TopicDocument>
{
    public TopicKind()
        : base("topic", "topics", c => c.Topics, (c, items) => c with { Topics = items })
    {
        InChangesFeed = true;
        TranslatorNote = "topic: the name and description of a subject";
        TitledBy("name", topic => topic.Name);
    }

    protected override Topic Build(TopicDocument d, ItemFields f, CommonFields c) =>
        new() { Id = c.Id, Source = c.Source, Review = c.Review, Name = f.Required(d.Name, "name"), Description = d.Description };

    protected override SearchText Search(Topic item) => new(item.Name, item.Description);

    // Topics are served as one list, not one by one.
    protected override string? Path(Topic item) => Collection;

}

internal sealed class GuidanceKind : ContractKind<GuidanceArticle, GuidanceDocument>
{
    public GuidanceKind()
        : base("guidance", "guidance", c => c.Guidance, (c, items) => c with { Guidance = items })
    {
        TranslatorNote = "guidance article (Markdown: keep the ## headings, list marks and links as they are)";
        InChangesFeed = true;
        ForceScoped = true;
        TitledBy("title", article => article.Title);
        RequireText("summary", article => article.Summary);
        RequireText("body", article => article.BodyMarkdown);
    }

    protected override GuidanceArticle Build(GuidanceDocument d, ItemFields f, CommonFields c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Review = c.Review,
        Title = f.Required(d.Title, "title"),
        Summary = f.Required(d.Summary, "summary"),
        BodyMarkdown = f.Required(d.Body, "body"),
        RelatedContacts = d.RelatedContacts ?? [],
    };

    protected override SearchText Search(GuidanceArticle item) => new(item.Title, item.Summary, item.BodyMarkdown);

    protected override IEnumerable<ContentReference> References(GuidanceArticle item) =>
        [new("relatedContacts", BuiltInKinds.Contact.Name, item.RelatedContacts)];

    protected override void Check(GuidanceArticle item, ICollection<string> reasons)
    {
        if (item.Audiences.Count == 0)
        {
            reasons.Add("audiences: at least one audience is required");
        }

        foreach (var problem in MarkdownRules.Problems(item.BodyMarkdown))
        {
            reasons.Add($"body: {problem}");
        }
    }
}
