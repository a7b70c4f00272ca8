namespace ContentApi.Abstractions;

/// <summary>
/// The tiers a signposting answer is grouped into, in the order they are shown: immediate danger always comes first.
/// Added in contract 1.1.
/// </summary>
public enum SignpostingTier
{
    /// <summary>Immediate danger: 999.</summary>
    Emergency,

    /// <summary>Reporting and image-removal routes, such as CEOP, Report Remove, Take It Down and the IWF.</summary>
    ReportAndRemove,

    /// <summary>Someone to talk to: helplines that serve the person's age and who is asking.</summary>
    Helplines,

    /// <summary>The police force's own local contacts (101, email, online reporting).</summary>
    Local,
}

/// <summary>
/// Who is asking for help. The <c>audience</c> and <c>age</c> of a signposting request decide it: a young person asks
/// for themselves; an adult may ask for themselves, or (as a parent, carer or professional) about a child.
/// Added in contract 1.1.
/// </summary>
public enum SignpostingAsker
{
    /// <summary>A child or young person under 18 asking for themselves.</summary>
    YoungPerson,

    /// <summary>Someone aged 18 or over asking for themselves.</summary>
    Adult,

    /// <summary>A parent or carer asking about a child (of the age given in the request).</summary>
    ParentCarer,

    /// <summary>A professional asking about a child they work with (of the age given in the request).</summary>
    Professional,
}

/// <summary>Who would get in touch with a service that a signposting rule offers. Added in contract 1.1.</summary>
public enum SignpostingUser
{
    /// <summary>The person asking contacts the service themselves.</summary>
    Asker,

    /// <summary>
    /// The child the asker is asking about contacts it (for example Report Remove, which a young person starts
    /// themselves); the asker is told it is for their child.
    /// </summary>
    Child,
}

/// <summary>
/// One signposting rule: when it applies (topics, the age of the person the help is about, who is asking), which
/// contacts it offers, in which tier, and why. Rules are data, shipped as content, so what a signposting answer says
/// can be reviewed and changed like any other content. The host also enforces each contact's own age range and
/// audiences, so a rule can never send a child to an adults-only service. Added in contract 1.1.
/// </summary>
/// <remarks>
/// <see cref="ContentItem.Topics"/> limits the rule to requests on those topics (empty: every topic) and
/// <see cref="ContentItem.AgeRange"/> to requests about a person of those ages (absent: every age).
/// </remarks>
public sealed record SignpostingRule : ContentItem
{
    /// <summary>The tier the offered contacts are shown in.</summary>
    public required SignpostingTier Tier { get; init; }

    /// <summary>The id of the one contact the rule offers; a force that overrides it gets the force's own contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>
    /// Instead of one contact, every contact of this category from the requested force (used for the local tier).
    /// </summary>
    public ContactCategory? ContactCategory { get; init; }

    /// <summary>Who the rule is for; empty means anyone.</summary>
    public IReadOnlyList<SignpostingAsker> Askers { get; init; } = [];

    /// <summary>Who would contact the service: the asker, or the child they ask about.</summary>
    public SignpostingUser UsedBy { get; init; } = SignpostingUser.Asker;

    /// <summary>Why the contact is listed, in plain words addressed to the asker.</summary>
    public required string Reason { get; init; }
}

/// <summary>How a signposting tier is headed when shown. Added in contract 1.1.</summary>
public sealed record SignpostingTierHeading : ContentItem
{
    /// <summary>The tier this heading belongs to.</summary>
    public required SignpostingTier Tier { get; init; }

    /// <summary>The heading, for example "If someone is in danger now".</summary>
    public required string Title { get; init; }

    /// <summary>One plain sentence under the heading.</summary>
    public string? Description { get; init; }
}
