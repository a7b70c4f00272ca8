using System.Diagnostics.CodeAnalysis;
using ContentApi.Abstractions;
using ContentApi.Host.Content;

namespace ContentApi.Host.Api;

/// <summary>A page of results with totals.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most items a page holds.</param>
/// <param name="TotalItems">How many items match in all.</param>
/// <param name="TotalPages">How many pages there are.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);

/// <summary>Where an item came from: the plugin that supplied it and the public source of its facts.</summary>
/// <param name="Plugin">The id of the plugin that supplied the item.</param>
/// <param name="Publisher">Who publishes the plugin.</param>
/// <param name="SourcePublisher">Who published the source the facts come from.</param>
/// <param name="SourceUrl">The public source.</param>
public sealed record Provenance(string Plugin, string Publisher, string SourcePublisher, Uri SourceUrl);

/// <summary>Fields every content item carries.</summary>
public abstract record ItemResource
{
    [SetsRequiredMembers]
    private protected ItemResource(ContentItem item, PluginIdentity plugin, ResourceContext context)
    {
        Id = item.Id;
        Locale = item.Locale;
        RequestedLocale = context.RequestedLocale;
        Fallback = !string.Equals(item.Locale, context.RequestedLocale, StringComparison.OrdinalIgnoreCase);
        TranslationStatus = item.TranslationStatus;
        Audiences = item.Audiences;
        AgeRange = item.AgeRange;
        Topics = item.Topics;
        ForceId = item.ForceId;
        Overrides = item.Overrides;
        DisplayVerbatim = item.DisplayVerbatim;
        Provenance = new Provenance(plugin.Id, plugin.Publisher, item.Source.Publisher, item.Source.Url);
        Review = item.Review with { Owner = item.Review.Owner ?? plugin.Publisher };
        ReviewStatus = context.Reviews.StatusOf(item);
        Updated = item.Updated;
        FirstPublished = item.FirstPublished;
        ContentHash = Content.ContentHash.Of(item);
        Licence = item.Licence;
        Attribution = item.Attribution ?? $"Contains information from {item.Source.Publisher}, published by {plugin.Publisher} under the {item.Licence.Name}.";
    }

    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The language of this item (BCP 47).</summary>
    public required string Locale { get; init; }

    /// <summary>The language the request asked for (from locale or Accept-Language).</summary>
    public required string RequestedLocale { get; init; }

    /// <summary>True when the item is not in the requested language and is served in en-GB instead.</summary>
    public required bool Fallback { get; init; }

    /// <summary>For a translation, whether a fluent speaker has checked it (needs-review: not yet).</summary>
    public required TranslationStatus TranslationStatus { get; init; }

    /// <summary>Who the item is written for.</summary>
    public required IReadOnlyList<Audience> Audiences { get; init; }

    /// <summary>The ages the item applies to; absent when it suits every age.</summary>
    public AgeRange? AgeRange { get; init; }

    /// <summary>Topic ids.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>The force the item is local to; absent for national items.</summary>
    public string? ForceId { get; init; }

    /// <summary>For a force's item, the national item it replaces for that force.</summary>
    public string? Overrides { get; init; }

    /// <summary>True when partners must show the text without editing it.</summary>
    public bool DisplayVerbatim { get; init; }

    /// <summary>Where the item came from.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>When the item was last reviewed, when it is next due and who owns it (the plugin's publisher when the item names nobody).</summary>
    public required ReviewInfo Review { get; init; }

    /// <summary>Where the item is in its review cycle: current, due-soon or overdue (still served, check it).</summary>
    public required ReviewStatus ReviewStatus { get; init; }

    /// <summary>When the item's content last changed, when its author said so.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the item was first published, when known.</summary>
    public DateOnly? FirstPublished { get; init; }

    /// <summary>A fingerprint of the item's content (sha256): unchanged hash, unchanged content.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The licence partners may reuse the item under.</summary>
    public required ContentLicence Licence { get; init; }

    /// <summary>The attribution to show with the item when you reuse it.</summary>
    public required string Attribution { get; init; }

    /// <summary>How the item matched the search text q; present only when searching.</summary>
    public SearchMatch? Search { get; init; }
}

/// <summary>What every resource needs to know about the request it answers.</summary>
/// <param name="RequestedLocale">The locale the request asked for.</param>
/// <param name="Reviews">The review policy today.</param>
internal sealed record ResourceContext(string RequestedLocale, ReviewClock Reviews);

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

/// <summary>Fields of a contact common to every API version.</summary>
public abstract record ContactResourceBase : ItemResource
{
    [SetsRequiredMembers]
    private protected ContactResourceBase(Entry<Contact> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Name = e.Item.Name;
        Organisation = e.Item.Organisation;
        Description = e.Item.Description;
        WhoFor = e.Item.WhoFor;
        Category = e.Item.Category;
        Verification = e.Item.Verification;
    }

    /// <summary>Service name.</summary>
    public required string Name { get; init; }

    /// <summary>Who runs the service.</summary>
    public string? Organisation { get; init; }

    /// <summary>What the service does.</summary>
    public required string Description { get; init; }

    /// <summary>Who the service is for.</summary>
    public required string WhoFor { get; init; }

    /// <summary>What kind of route this is.</summary>
    public required ContactCategory Category { get; init; }

    /// <summary>Whether the facts were confirmed, and when.</summary>
    public required Verification Verification { get; init; }
}

/// <summary>A contact in API v1: one flat field per channel type (the first of each), hours as text.</summary>
public sealed record ContactResourceV1 : ContactResourceBase
{
    [SetsRequiredMembers]
    internal ContactResourceV1(Entry<Contact> e, ResourceContext context)
        : base(e, context)
    {
        string? First(ChannelType type) => e.Item.Channels.FirstOrDefault(c => c.Type == type)?.Value;
        Phone = First(ChannelType.Phone);
        Textphone = First(ChannelType.Textphone);
        Sms = First(ChannelType.Sms);
        Web = First(ChannelType.Web);
        Chat = First(ChannelType.Chat);
        Email = First(ChannelType.Email);
        Hours = e.Item.Channels.FirstOrDefault()?.Hours is { } hours
            ? (hours.AlwaysOpen ? "24 hours a day, 7 days a week" : hours.Text)
            : null;
    }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Textphone number.</summary>
    public string? Textphone { get; init; }

    /// <summary>Number to text.</summary>
    public string? Sms { get; init; }

    /// <summary>Website or web form.</summary>
    public string? Web { get; init; }

    /// <summary>Online chat address.</summary>
    public string? Chat { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Opening hours of the main channel, as text.</summary>
    public string? Hours { get; init; }
}

/// <summary>A contact in API v2: typed channel objects, each with structured opening hours.</summary>
public sealed record ContactResourceV2 : ContactResourceBase
{
    [SetsRequiredMembers]
    internal ContactResourceV2(Entry<Contact> e, ResourceContext context)
        : base(e, context)
    {
        Channels = e.Item.Channels;
    }

    /// <summary>Every way to reach the service.</summary>
    public required IReadOnlyList<ContactChannel> Channels { get; init; }
}

/// <summary>An age band.</summary>
public sealed record AgeBandResource : ItemResource
{
    [SetsRequiredMembers]
    internal AgeBandResource(Entry<AgeBand> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Label = e.Item.Label;
        Description = e.Item.Description;
    }

    /// <summary>Display label.</summary>
    public required string Label { get; init; }

    /// <summary>What matters for children of this age.</summary>
    public string? Description { get; init; }
}

/// <summary>Advice for one age band on one topic, for one audience.</summary>
public sealed record AdviceResource : ItemResource
{
    [SetsRequiredMembers]
    internal AdviceResource(Entry<AgeBandAdvice> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        AgeBand = e.Item.AgeBandId;
        Title = e.Item.Title;
        Summary = e.Item.Summary;
        TalkAbout = e.Item.TalkAbout;
        SignsToWatch = e.Item.SignsToWatch;
        WhatToDo = e.Item.WhatToDo;
        RelatedGuidance = e.Item.RelatedGuidance;
        RelatedContacts = e.Item.RelatedContacts;
    }

    /// <summary>The age band id.</summary>
    public required string AgeBand { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>A short summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Things to talk about.</summary>
    public required IReadOnlyList<string> TalkAbout { get; init; }

    /// <summary>Signs to watch for.</summary>
    public required IReadOnlyList<string> SignsToWatch { get; init; }

    /// <summary>What to do.</summary>
    public required IReadOnlyList<string> WhatToDo { get; init; }

    /// <summary>Ids of related guidance.</summary>
    public required IReadOnlyList<string> RelatedGuidance { get; init; }

    /// <summary>Ids of related contacts.</summary>
    public required IReadOnlyList<string> RelatedContacts { get; init; }
}

/// <summary>A topic.</summary>
public sealed record TopicResource : ItemResource
{
    [SetsRequiredMembers]
    internal TopicResource(Entry<Topic> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Name = e.Item.Name;
        Description = e.Item.Description;
    }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>One plain sentence about the topic.</summary>
    public string? Description { get; init; }
}

/// <summary>The plugin fields an item's provenance needs.</summary>
internal readonly record struct PluginIdentity(string Id, string Publisher)
{
    public static PluginIdentity Of(Plugins.PluginReport report) => new(report.Id, report.Manifest?.Publisher ?? report.Id);
}
