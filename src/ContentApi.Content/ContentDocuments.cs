namespace ContentApi.Content;

// The file shape: every field optional, so a missing field becomes a precise problem report instead of an exception.
#pragma warning disable CA1002, CA2227 // Mutable lists are what the YAML deserializer fills.
internal sealed class ItemsFile
{
    public List<ItemDocument>? Items { get; set; }
}

internal sealed class ItemDocument
{
    public string? Kind { get; set; }
    public string? Id { get; set; }
    public string? Locale { get; set; }
    public List<string>? Audiences { get; set; }
    public AgeRangeDocument? AgeRange { get; set; }
    public List<string>? Topics { get; set; }
    public SourceDocument? Source { get; set; }
    public ReviewDocument? Review { get; set; }
    public string? ForceId { get; set; }
    public string? Overrides { get; set; }
    public bool? DisplayVerbatim { get; set; }
    public string? TranslationStatus { get; set; }
    public string? Updated { get; set; }
    public string? FirstPublished { get; set; }
    public string? Status { get; set; }
    public WithdrawalDocument? Withdrawal { get; set; }
    public LicenceDocument? Licence { get; set; }
    public string? Attribution { get; set; }

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public List<string>? RelatedContacts { get; set; }
    public List<string>? RelatedGuidance { get; set; }

    public string? Organisation { get; set; }
    public string? WhoFor { get; set; }
    public string? Category { get; set; }
    public List<ChannelDocument>? Channels { get; set; }
    public VerificationDocument? Verification { get; set; }

    public string? Label { get; set; }
    public string? AgeBand { get; set; }
    public List<string>? TalkAbout { get; set; }
    public List<string>? SignsToWatch { get; set; }
    public List<string>? WhatToDo { get; set; }

    public string? Website { get; set; }
    public string? Telephone { get; set; }
    public bool? IsWelsh { get; set; }
    public List<EngagementDocument>? EngagementMethods { get; set; }

    public string? Tier { get; set; }
    public string? Contact { get; set; }
    public string? ContactCategory { get; set; }
    public List<string>? Askers { get; set; }
    public string? UsedBy { get; set; }
    public string? Reason { get; set; }
    public string? ReasonAgeBand { get; set; }

    // Reasons for younger readers, keyed by reader age band id (4-7, 8-10, 11-13, 14-17).
    public Dictionary<string, string>? Reasons { get; set; }
}

internal sealed class WithdrawalDocument
{
    public string? On { get; set; }
    public string? Reason { get; set; }
    public string? ReplacedBy { get; set; }
}

internal sealed class LicenceDocument
{
    public string? Name { get; set; }
    public string? Url { get; set; }
}

internal sealed class AgeRangeDocument
{
    public int? Min { get; set; }

    // A number, or "adult" for every age over 25.
    public string? Max { get; set; }
}

internal sealed class SourceDocument
{
    public string? Publisher { get; set; }
    public string? Url { get; set; }
}

internal sealed class ReviewDocument
{
    public string? LastReviewed { get; set; }
    public string? NextReviewDue { get; set; }
    public string? Owner { get; set; }
}

internal sealed class VerificationDocument
{
    public string? Status { get; set; }
    public string? LastVerified { get; set; }
    public string? Note { get; set; }
}

internal sealed class ChannelDocument
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? Label { get; set; }
    public HoursDocument? Hours { get; set; }
    public bool? Anonymous { get; set; }
    public bool? Free { get; set; }
}

internal sealed class HoursDocument
{
    public bool? AlwaysOpen { get; set; }
    public string? Text { get; set; }
    public List<PeriodDocument>? Weekly { get; set; }
}

internal sealed class PeriodDocument
{
    public List<string>? Days { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

internal sealed class EngagementDocument
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
}
#pragma warning restore CA1002, CA2227
