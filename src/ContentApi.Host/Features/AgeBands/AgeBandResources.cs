using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Features.AgeBands;

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
