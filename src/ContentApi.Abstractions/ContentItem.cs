namespace ContentApi.Abstractions;

/// <summary>The fields every content item carries.</summary>
public abstract record ContentItem
{
    /// <summary>The default locale of content.</summary>
    public const string DefaultLocale = "en-GB";

    /// <summary>Stable kebab-case id. The same id in another locale is a translation of the same item.</summary>
    public required string Id { get; init; }

    /// <summary>BCP 47 language tag, for example <c>en-GB</c> or <c>cy-GB</c>.</summary>
    public string Locale { get; init; } = DefaultLocale;

    /// <summary>Who the item is written for.</summary>
    public IReadOnlyList<Audience> Audiences { get; init; } = [];

    /// <summary>The ages the item applies to, when it applies to some ages only.</summary>
    public AgeRange? AgeRange { get; init; }

    /// <summary>Topic ids the item is about.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Where the facts come from.</summary>
    public required SourceReference Source { get; init; }

    /// <summary>When the item was last reviewed and when it is next due.</summary>
    public required ReviewInfo Review { get; init; }

    /// <summary>The data.police.uk force id when the item is local to one force.</summary>
    public string? ForceId { get; init; }

    /// <summary>The id of a national item this item replaces for <see cref="ForceId"/>.</summary>
    public string? Overrides { get; init; }

    /// <summary>True when partners must show the text as it is, without editing.</summary>
    public bool DisplayVerbatim { get; init; }

    /// <summary>Whether a translation has been checked by a fluent speaker, or has gone stale.</summary>
    public TranslationStatus TranslationStatus { get; init; } = TranslationStatus.Reviewed;

    /// <summary>
    /// For a translation, who translated it and when, and who checked it and when: dates of its own, apart from the
    /// review of the facts in <see cref="Review"/>. Null for an original. Added in contract 1.3.
    /// </summary>
    public TranslationRecord? Translation { get; init; }

    /// <summary>Where the item was read from (file and line), for precise validation reports. Set by content readers.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// When the item's text or facts last changed. Partners syncing from the changes feed see an item as changed at
    /// this moment, so set it on every edit; when absent, the day of <see cref="ReviewInfo.LastReviewed"/> is used.
    /// Added in contract 1.1.
    /// </summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The day the item was first published, when known. Added in contract 1.1.</summary>
    public DateOnly? FirstPublished { get; init; }

    /// <summary>Whether the item is published or withdrawn. Added in contract 1.1.</summary>
    public ContentStatus Status { get; init; } = ContentStatus.Published;

    /// <summary>Why and when the item was withdrawn; required when <see cref="Status"/> is withdrawn. Added in contract 1.1.</summary>
    public WithdrawalNotice? Withdrawal { get; init; }

    /// <summary>The licence partners may reuse the item under. Added in contract 1.1.</summary>
    public ContentLicence Licence { get; init; } = ContentLicence.OpenGovernmentLicence3;

    /// <summary>
    /// The attribution statement partners must show when they reuse the item; when absent the host composes one from
    /// the source publisher and the licence. Added in contract 1.1.
    /// </summary>
    public string? Attribution { get; init; }
}

/// <summary>Whether an item is served. Added in contract 1.1.</summary>
public enum ContentStatus
{
    /// <summary>Served to partners.</summary>
    Published,

    /// <summary>No longer served: requests for it get 410 Gone with the withdrawal notice, and the changes feed lists a tombstone.</summary>
    Withdrawn,
}

/// <summary>Why an item was withdrawn. Added in contract 1.1.</summary>
/// <param name="On">The day it was withdrawn.</param>
/// <param name="Reason">Why, in plain words, for partners who still link to it.</param>
/// <param name="ReplacedBy">The id of an item of the same kind that replaces it, if any.</param>
public sealed record WithdrawalNotice(DateOnly On, string Reason, string? ReplacedBy = null);

/// <summary>A licence content is published under. Added in contract 1.1.</summary>
/// <param name="Name">The licence's name.</param>
/// <param name="Url">Where the licence text is published.</param>
public sealed record ContentLicence(string Name, Uri Url)
{
    /// <summary>The Open Government Licence v3.0, under which public sector information is published in the UK.</summary>
    public static ContentLicence OpenGovernmentLicence3 { get; } =
        new("Open Government Licence v3.0", new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"));
}

/// <summary>Who content is written for.</summary>
public enum Audience
{
    /// <summary>Parents and carers.</summary>
    ParentsCarers,

    /// <summary>Children and young people themselves.</summary>
    YoungPeople,

    /// <summary>The children's workforce: teachers, police, social workers.</summary>
    Professionals,
}

/// <summary>Whether a translated item has been checked.</summary>
public enum TranslationStatus
{
    /// <summary>Written or checked by a fluent speaker.</summary>
    Reviewed,

    /// <summary>Needs a fluent speaker to check it before it is relied on.</summary>
    NeedsReview,

    /// <summary>
    /// The original changed after it was translated. A stale translation is never served: the current original is,
    /// until the translation is updated. Added in contract 1.3.
    /// </summary>
    Stale,
}

/// <summary>Who translated an item and who checked the translation, each with its own day. Added in contract 1.3.</summary>
/// <param name="Translator">Who translated it, when known.</param>
/// <param name="Translated">The day it was translated, when known.</param>
/// <param name="Reviewer">Who checked the translation, once someone has.</param>
/// <param name="Reviewed">The day the translation was checked, once it has been.</param>
public sealed record TranslationRecord(string? Translator, DateOnly? Translated, string? Reviewer = null, DateOnly? Reviewed = null);

/// <summary>An inclusive range of ages in whole years.</summary>
/// <param name="Min">Youngest age, inclusive.</param>
/// <param name="Max">Oldest age, inclusive.</param>
public sealed record AgeRange(int Min, int Max)
{
    /// <summary>The oldest age, in whole years, that content distinguishes year by year.</summary>
    public const int MaximumAge = 25;

    /// <summary>
    /// Stands for every age over <see cref="MaximumAge"/>: an adult. A range whose <see cref="Max"/> is this includes
    /// every older adult, and a request about someone over 25 is asked with this age. Added in contract 1.2.
    /// </summary>
    public const int Adult = MaximumAge + 1;

    /// <summary>True when <paramref name="age"/> lies in the range.</summary>
    /// <param name="age">An age in whole years.</param>
    /// <returns>Whether the age is covered.</returns>
    public bool Contains(int age) => age >= Min && age <= Max;

    /// <summary>True when the two ranges share at least one age.</summary>
    /// <param name="other">The other range.</param>
    /// <returns>Whether they overlap.</returns>
    public bool Overlaps(AgeRange other) => Min <= other.Max && other.Min <= Max;
}

/// <summary>Where an item's facts come from.</summary>
/// <param name="Publisher">Who published the source.</param>
/// <param name="Url">The public https address of the source.</param>
public sealed record SourceReference(string Publisher, Uri Url);

/// <summary>Review data shown on every item.</summary>
/// <param name="LastReviewed">When a person last checked the item.</param>
/// <param name="NextReviewDue">When it must be checked again.</param>
/// <param name="Owner">Who is responsible for reviewing it.</param>
public sealed record ReviewInfo(DateOnly LastReviewed, DateOnly NextReviewDue, string? Owner);
