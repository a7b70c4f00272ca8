namespace ContentApi.Host.Content;

/// <summary>How overdue reviews are handled. Bound from the <c>Reviews</c> section.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Reviews";

    /// <summary>How many days before its next review is due an item is listed as due soon.</summary>
    [Range(0, 3650)]
    public int DueSoonDays { get; set; } = 30;

    /// <summary>How many days past its due date an overdue item is still served (marked overdue).</summary>
    [Range(0, 3650)]
    public int GracePeriodDays { get; set; } = 30;

    /// <summary>When true, items overdue for longer than the grace period are withheld from public responses.</summary>
    public bool WithholdAfterGracePeriod { get; set; } = true;

    /// <summary>
    /// Ids of items that are marked overdue but never withheld, because leaving them out would do more harm than
    /// serving them late: "immediate danger: call 999" (the contact, the rule that offers it and its tier heading) must
    /// always head a signposting answer. Configured ids are added to these.
    /// </summary>
#pragma warning disable CA2227, CA1002 // Bound from configuration, which needs a settable list.
    public List<string> NeverWithhold { get; set; } = ["police-999", "emergency-999", "emergency"];
#pragma warning restore CA2227, CA1002
}

/// <summary>Where an item stands in its review cycle.</summary>
public enum ReviewStatus
{
    /// <summary>Reviewed, and not due for a while.</summary>
    Current,

    /// <summary>The next review is due within the due-soon window.</summary>
    DueSoon,

    /// <summary>Past its review date: still served, marked overdue.</summary>
    Overdue,

    /// <summary>Overdue for longer than the grace period: not served until someone reviews it.</summary>
    Withheld,
}

/// <summary>The review policy as it applies today, by the host's clock.</summary>
internal sealed class ReviewPolicy(IOptionsMonitor<ReviewOptions> options, TimeProvider time)
{
    public ReviewClock Now() => new(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), options.CurrentValue);
}

/// <summary>
/// Judges items against the review policy on one day (UTC). Withdrawn items and withheld items are never served;
/// every other item is, with its review status.
/// </summary>
internal sealed record ReviewClock(DateOnly Today, ReviewOptions Options)
{
    public ReviewStatus StatusOf(ContentItem item)
    {
        var due = item.Review.NextReviewDue;
        if (Today > due)
        {
            return WithholdsAtAll(item) && Today >= WithheldFrom(item) ? ReviewStatus.Withheld : ReviewStatus.Overdue;
        }

        return Today >= due.AddDays(-Options.DueSoonDays) ? ReviewStatus.DueSoon : ReviewStatus.Current;
    }

    /// <summary>The first day the item is withheld if nobody reviews it; null when the policy never withholds.</summary>
    public DateOnly? WithheldFromOrNull(ContentItem item) => WithholdsAtAll(item) ? WithheldFrom(item) : null;

    // A stale translation is left out like a withheld one, so the request falls back to the current English.
    public bool IsServed(ContentItem item) =>
        item.Status == ContentStatus.Published && item.TranslationStatus != TranslationStatus.Stale && StatusOf(item) != ReviewStatus.Withheld;

    private bool WithholdsAtAll(ContentItem item) =>
        Options.WithholdAfterGracePeriod && !Options.NeverWithhold.Contains(item.Id, StringComparer.Ordinal);

    private DateOnly WithheldFrom(ContentItem item) => item.Review.NextReviewDue.AddDays(Options.GracePeriodDays + 1);
}
