using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Features.Guidance;

/// <summary>A guidance article.</summary>
public sealed record GuidanceResource : ItemResource
{
    [SetsRequiredMembers]
    internal GuidanceResource(Entry<GuidanceArticle> e, ResourceContext context, BodyFormat format = BodyFormat.Markdown)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Title = e.Item.Title;
        Summary = e.Item.Summary;
        Body = BodyRendering.Render(e.Item.BodyMarkdown, format);
        BodyFormat = format;
        RelatedContacts = e.Item.RelatedContacts;
    }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>What the article covers, in one or two sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>The article in the requested format: Markdown (default), sanitised HTML or plain text.</summary>
    public required string Body { get; init; }

    /// <summary>The format of body.</summary>
    public required BodyFormat BodyFormat { get; init; }

    /// <summary>Ids of contacts the article points to.</summary>
    public required IReadOnlyList<string> RelatedContacts { get; init; }
}
