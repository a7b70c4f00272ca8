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

    /// <summary>
    /// The reader age band <see cref="Reason"/> is written for: an id from <see cref="ReasonAgeBand.All"/>, such as
    /// <c>11-13</c>; <c>adults</c> when not given. Added in contract 1.2.
    /// </summary>
    public string ReasonAgeBand { get; init; } = Abstractions.ReasonAgeBand.Adults.Id;

    /// <summary>
    /// The reason written again for younger readers, one per reader age band. An asker is given the reason written for
    /// their own band, else for the nearest younger band (simpler words never hurt an older reader), and only when the
    /// rule has neither, the nearest older band; the signposting invariants refuse content in which that last case
    /// happens for a young person. Added in contract 1.2.
    /// </summary>
    public IReadOnlyList<AgeBandReason> AgeBandReasons { get; init; } = [];
}

/// <summary>A signposting reason written for one reader age band. Added in contract 1.2.</summary>
/// <param name="AgeBand">The reader age band id, such as <c>4-7</c>.</param>
/// <param name="Text">The reason, in words a reader of that age understands.</param>
public sealed record AgeBandReason(string AgeBand, string Text);

/// <summary>
/// The age bands signposting reasons are written for, youngest first: 4-7, 8-10, 11-13 and 14-17 (the bands the
/// age-band advice uses, after UKCIS Education for a Connected World) and adults. Younger children read the 4-7
/// words. Added in contract 1.2.
/// </summary>
/// <param name="Id">The band id, as written in content.</param>
/// <param name="Min">Youngest age in the band.</param>
/// <param name="Max">Oldest age in the band (<see cref="AgeRange.Adult"/> for adults).</param>
public sealed record ReasonAgeBand(string Id, int Min, int Max)
{
    /// <summary>Children aged 7 and under.</summary>
    public static ReasonAgeBand FourToSeven { get; } = new("4-7", 0, 7) { Order = 0 };

    /// <summary>Children aged 8 to 10.</summary>
    public static ReasonAgeBand EightToTen { get; } = new("8-10", 8, 10) { Order = 1 };

    /// <summary>Children aged 11 to 13.</summary>
    public static ReasonAgeBand ElevenToThirteen { get; } = new("11-13", 11, 13) { Order = 2 };

    /// <summary>Young people aged 14 to 17.</summary>
    public static ReasonAgeBand FourteenToSeventeen { get; } = new("14-17", 14, 17) { Order = 3 };

    /// <summary>Adults: anyone 18 or over, and every parent, carer or professional.</summary>
    public static ReasonAgeBand Adults { get; } = new("adults", 18, AgeRange.Adult) { Order = 4 };

    /// <summary>Every band, youngest first.</summary>
    public static IReadOnlyList<ReasonAgeBand> All { get; } = [FourToSeven, EightToTen, ElevenToThirteen, FourteenToSeventeen, Adults];

    /// <summary>The band of a reader of this age.</summary>
    /// <param name="age">Age in whole years; <see cref="AgeRange.Adult"/> for any adult.</param>
    /// <returns>The band whose range holds the age.</returns>
    public static ReasonAgeBand ForAge(int age) => All.FirstOrDefault(b => age <= b.Max) ?? Adults;

    /// <summary>The band with this id, or null.</summary>
    /// <param name="id">A band id such as <c>8-10</c>.</param>
    /// <returns>The band, when the id is known.</returns>
    public static ReasonAgeBand? Find(string? id) => All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The band's place, youngest first (0 for 4-7).</summary>
    public int Order { get; private init; }
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
