using ContentApi.Abstractions;

namespace ContentApi.Content;

// The file shapes shared by every kind. Properties are named as in files (camelCase), and the JSON Schema is generated from them.
#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>
/// The fields every item in a content file may have. Each kind's document derives from it and adds its own fields;
/// every field is optional here so a missing one becomes a precise problem report instead of an exception.
/// </summary>
public class ItemDocument
{
    /// <summary>Which kind of item this is, for example <c>contact</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Stable kebab-case id.</summary>
    public string? Id { get; set; }

    /// <summary>BCP 47 language tag; en-GB when absent.</summary>
    [PerLocale]
    public string? Locale { get; set; }

    /// <summary>parents-carers, young-people or professionals.</summary>
    [Words(typeof(Audience))]
    public List<string>? Audiences { get; set; }

    /// <summary>The ages the item applies to.</summary>
    public AgeRangeDocument? AgeRange { get; set; }

    /// <summary>Topic ids.</summary>
    public List<string>? Topics { get; set; }

    /// <summary>Where the facts come from.</summary>
    public SourceDocument? Source { get; set; }

    /// <summary>When the item was last reviewed and is next due.</summary>
    public ReviewDocument? Review { get; set; }

    /// <summary>The data.police.uk force id of a force's item.</summary>
    public string? ForceId { get; set; }

    /// <summary>The id of the national item this force's item replaces.</summary>
    public string? Overrides { get; set; }

    /// <summary>True when partners must show the text as it is.</summary>
    public bool? DisplayVerbatim { get; set; }

    /// <summary>reviewed or needs-review.</summary>
    [Words(typeof(TranslationStatus))]
    [PerLocale]
    public string? TranslationStatus { get; set; }

    /// <summary>For a translation: who translated it and when, who checked it and when, and which English it was made from.</summary>
    [PerLocale]
    public TranslationDocument? Translation { get; set; }

    /// <summary>When the text or facts last changed: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.</summary>
    public string? Updated { get; set; }

    /// <summary>The day the item was first published: YYYY-MM-DD.</summary>
    public string? FirstPublished { get; set; }

    /// <summary>published or withdrawn.</summary>
    [Words(typeof(ContentStatus))]
    public string? Status { get; set; }

    /// <summary>Why and when the item was withdrawn.</summary>
    public WithdrawalDocument? Withdrawal { get; set; }

    /// <summary>The licence partners may reuse the item under; the Open Government Licence when absent.</summary>
    public LicenceDocument? Licence { get; set; }

    /// <summary>The attribution partners must show.</summary>
    [PerLocale]
    public string? Attribution { get; set; }

    /// <summary>Where each field was found in the file, for problem reports. Set by the reader.</summary>
    internal FieldPlaces Places { get; set; } = FieldPlaces.None;
}

/// <summary>
/// Marks a field each locale gives for itself (its words, its locale, whether it was checked): a translation never
/// inherits it from the en-GB item, so English words are never served as another language.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PerLocaleAttribute : Attribute;

/// <summary>
/// A translation's own record. <c>source</c> is the fingerprint of the en-GB words it was made from (written by
/// <c>contentapi translations import</c>): when the English changes, the fingerprints differ and the translation is stale.
/// </summary>
public sealed class TranslationDocument
{
    public string? Translator { get; set; }
    public string? Translated { get; set; }
    public string? Reviewer { get; set; }
    public string? Reviewed { get; set; }
    public string? Source { get; set; }
}

public sealed class WithdrawalDocument
{
    public string? On { get; set; }
    public string? Reason { get; set; }
    public string? ReplacedBy { get; set; }
}

public sealed class LicenceDocument
{
    public string? Name { get; set; }
    public string? Url { get; set; }
}

public sealed class AgeRangeDocument
{
    public int? Min { get; set; }
    /// <summary>A number, or "adult" for every age over 25.</summary>
    public string? Max { get; set; }
}

public sealed class SourceDocument
{
    public string? Publisher { get; set; }
    public string? Url { get; set; }
}

public sealed class ReviewDocument
{
    public string? LastReviewed { get; set; }
    public string? NextReviewDue { get; set; }
    public string? Owner { get; set; }
}

public sealed class VerificationDocument
{
    [Words(typeof(VerificationStatus))]
    public string? Status { get; set; }
    public string? LastVerified { get; set; }
    public string? Note { get; set; }
}

public sealed class ChannelDocument
{
    [Words(typeof(ChannelType))]
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? Label { get; set; }
    public HoursDocument? Hours { get; set; }
    public bool? Anonymous { get; set; }
    public bool? Free { get; set; }
}

public sealed class HoursDocument
{
    public bool? AlwaysOpen { get; set; }
    public string? Text { get; set; }
    public List<PeriodDocument>? Weekly { get; set; }
}

public sealed class PeriodDocument
{
    public List<string>? Days { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

public sealed class EngagementDocument
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591
