namespace ContentApi.Content;

/// <summary>The contract's content kinds, one declaration each (see the files beside this one).</summary>
public static class BuiltInKinds
{
    /// <summary>Topics, such as <c>sextortion</c>.</summary>
    public static ContentKind Topic { get; } = new TopicKind();

    /// <summary>Guidance articles, written as Markdown with front matter.</summary>
    public static ContentKind Guidance { get; } = new GuidanceKind();

    /// <summary>Signposting contacts.</summary>
    public static ContentKind Contact { get; } = new ContactKind();

    /// <summary>Age bands.</summary>
    public static ContentKind AgeBand { get; } = new AgeBandKind();

    /// <summary>Advice for one age band.</summary>
    public static ContentKind Advice { get; } = new AdviceKind();

    /// <summary>Police forces.</summary>
    public static ContentKind Force { get; } = new ForceKind();

    /// <summary>Signposting rules.</summary>
    public static ContentKind SignpostingRule { get; } = new SignpostingRuleKind();

    /// <summary>Signposting tier headings.</summary>
    public static ContentKind SignpostingTier { get; } = new SignpostingTierKind();
}
