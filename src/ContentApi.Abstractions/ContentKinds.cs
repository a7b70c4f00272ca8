namespace ContentApi.Abstractions;

/// <summary>A topic content is grouped under, such as <c>sextortion</c>.</summary>
public sealed record Topic : ContentItem
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>One plain sentence about the topic.</summary>
    public string? Description { get; init; }
}

/// <summary>A guidance article with a Markdown body.</summary>
public sealed record GuidanceArticle : ContentItem
{
    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>One or two sentences that say what the article covers.</summary>
    public required string Summary { get; init; }

    /// <summary>The article in Markdown. Raw HTML is never rendered.</summary>
    public required string BodyMarkdown { get; init; }

    /// <summary>Ids of contacts the article points to.</summary>
    public IReadOnlyList<string> RelatedContacts { get; init; } = [];
}

/// <summary>An age band, such as 8 to 10 years.</summary>
public sealed record AgeBand : ContentItem
{
    /// <summary>Display label, for example "8 to 10 years".</summary>
    public required string Label { get; init; }

    /// <summary>What matters for children of this age.</summary>
    public string? Description { get; init; }
}

/// <summary>Advice for one age band on one topic, for one audience.</summary>
public sealed record AgeBandAdvice : ContentItem
{
    /// <summary>The age band id this advice belongs to.</summary>
    public required string AgeBandId { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>A short summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Things to talk about.</summary>
    public IReadOnlyList<string> TalkAbout { get; init; } = [];

    /// <summary>Signs to watch for.</summary>
    public IReadOnlyList<string> SignsToWatch { get; init; } = [];

    /// <summary>What to do.</summary>
    public IReadOnlyList<string> WhatToDo { get; init; } = [];

    /// <summary>Ids of related guidance articles.</summary>
    public IReadOnlyList<string> RelatedGuidance { get; init; } = [];

    /// <summary>Ids of related contacts.</summary>
    public IReadOnlyList<string> RelatedContacts { get; init; } = [];
}

/// <summary>A police force in the forces directory.</summary>
public sealed record PoliceForce : ContentItem
{
    /// <summary>Display name, for example "Gloucestershire Constabulary".</summary>
    public required string Name { get; init; }

    /// <summary>The force's website.</summary>
    public Uri? Website { get; init; }

    /// <summary>The force's non-emergency number (101 for every territorial force).</summary>
    public string? Telephone { get; init; }

    /// <summary>Ways to engage with the force: social media, online reporting and so on.</summary>
    public IReadOnlyList<EngagementMethod> EngagementMethods { get; init; } = [];

    /// <summary>True for Welsh forces, which publish in Welsh and English.</summary>
    public bool IsWelsh { get; init; }
}

/// <summary>One way to engage with a police force.</summary>
/// <param name="Type">For example <c>facebook</c> or <c>web</c>.</param>
/// <param name="Title">Display title.</param>
/// <param name="Url">Address.</param>
public sealed record EngagementMethod(string Type, string? Title, Uri? Url);
