namespace ContentApi.Abstractions;

/// <summary>Everything one plugin supplies. Any list may be empty.</summary>
public sealed record PluginContent
{
    /// <summary>Content with nothing in it.</summary>
    public static PluginContent Empty { get; } = new();

    /// <summary>Topics, such as <c>sextortion</c>.</summary>
    public IReadOnlyList<Topic> Topics { get; init; } = [];

    /// <summary>Guidance articles.</summary>
    public IReadOnlyList<GuidanceArticle> Guidance { get; init; } = [];

    /// <summary>Signposting contacts: helplines, reporting routes, police.</summary>
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>Age bands, such as 8 to 10 years.</summary>
    public IReadOnlyList<AgeBand> AgeBands { get; init; } = [];

    /// <summary>Advice for one age band on one topic.</summary>
    public IReadOnlyList<AgeBandAdvice> Advice { get; init; } = [];

    /// <summary>Police forces (the forces directory).</summary>
    public IReadOnlyList<PoliceForce> Forces { get; init; } = [];

    /// <summary>Signposting rules: which contacts a signposting answer offers, when, and why. Added in contract 1.1.</summary>
    public IReadOnlyList<SignpostingRule> SignpostingRules { get; init; } = [];

    /// <summary>Headings for the signposting tiers. Added in contract 1.1.</summary>
    public IReadOnlyList<SignpostingTierHeading> SignpostingTiers { get; init; } = [];

    /// <summary>
    /// Items of kinds a host declares beyond the lists above (a host's own content kinds, read from content packs).
    /// Plugins built against earlier 1.x versions never set it, so it is additive.
    /// </summary>
    public IReadOnlyList<ContentItem> OtherItems { get; init; } = [];

    /// <summary>Problems the plugin found in its own source files, reported to the host's validation report.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; init; } = [];
}

/// <summary>A problem found in a plugin's content: which item or file, and why.</summary>
/// <param name="Location">The file (relative to the plugin folder) and line, or the item id and field.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ContentProblem(string Location, string Message);
