using ContentApi.Abstractions;

namespace ContentApi.Content;

#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>A signposting rule in a content file.</summary>
public sealed class SignpostingRuleDocument : ItemDocument
{
    /// <summary>emergency, report-and-remove, helplines or local.</summary>
    [Words(typeof(SignpostingTier))]
    public string? Tier { get; set; }

    /// <summary>The id of the one contact the rule offers.</summary>
    public string? Contact { get; set; }

    /// <summary>Instead of one contact, every contact of this category from the requested force.</summary>
    [Words(typeof(ContactCategory))]
    public string? ContactCategory { get; set; }

    /// <summary>young-person, adult, parent-carer or professional; empty means anyone.</summary>
    [Words(typeof(SignpostingAsker))]
    public List<string>? Askers { get; set; }

    /// <summary>asker or child.</summary>
    [Words(typeof(SignpostingUser))]
    public string? UsedBy { get; set; }

    [PerLocale]
    public string? Reason { get; set; }

    /// <summary>The reader age band the reason is written for; adults when absent.</summary>
    public string? ReasonAgeBand { get; set; }

    /// <summary>Reasons for younger readers, keyed by reader age band id (4-7, 8-10, 11-13, 14-17).</summary>
    [PerLocale]
    public Dictionary<string, string>? Reasons { get; set; }
}

/// <summary>A signposting tier heading in a content file.</summary>
public sealed class SignpostingTierDocument : ItemDocument
{
    /// <summary>emergency, report-and-remove, helplines or local.</summary>
    [Words(typeof(SignpostingTier))]
    public string? Tier { get; set; }

    [PerLocale]
    public string? Title { get; set; }

    [PerLocale]
    public string? Description { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591

/// <summary>
/// A kind whose items shape signposting answers (rules and tier headings). Those answers also draw on contacts, topics
/// and forces, so these kinds carry no cache tag of their own (a purge of any plugin reaches the answers), and their
/// items are served inside the answers, never at a path of their own. Both say which tier they belong to.
/// </summary>
internal abstract class SignpostingPartKind<TItem, TDocument> : ContractKind<TItem, TDocument>
    where TItem : ContentItem
    where TDocument : ItemDocument, new()
{
    protected SignpostingPartKind(
        string name, Func<PluginContent, IReadOnlyList<TItem>> get, Func<PluginContent, IReadOnlyList<TItem>, PluginContent> set)
        : base(name, "signposting", get, set) => CacheTag = null;

    protected sealed override string? Path(TItem item) => null;

    protected static SignpostingTier Tier(string? tier, ItemFields fields) =>
        fields.Enum<SignpostingTier>(tier, "tier", default, required: true);
}

internal sealed class SignpostingRuleKind : SignpostingPartKind<SignpostingRule, SignpostingRuleDocument>
{
    public SignpostingRuleKind()
        : base("signposting-rule", c => c.SignpostingRules, (c, items) => c with { SignpostingRules = items })
    {
        TranslatorNote = "signposting rule: why a contact is offered, written for the reader's age";
        RequireText("reason", rule => rule.Reason);
    }

    protected override SignpostingRule Build(SignpostingRuleDocument d, ItemFields f, CommonFields c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Review = c.Review,
        Tier = Tier(d.Tier, f),
        ContactId = d.Contact,
        ContactCategory = d.ContactCategory is null ? null : f.Enum<ContactCategory>(d.ContactCategory, "contactCategory", default),
        Askers = f.Enums<SignpostingAsker>(d.Askers, "askers"),
        UsedBy = f.Enum(d.UsedBy, "usedBy", SignpostingUser.Asker),
        Reason = f.Required(d.Reason, "reason"),
        ReasonAgeBand = d.ReasonAgeBand?.Trim() ?? ReasonAgeBand.Adults.Id,
        AgeBandReasons = (d.Reasons ?? []).Select(r => new AgeBandReason(r.Key.Trim(), r.Value)).ToList(),
    };

    protected override string Title(SignpostingRule item) => $"Signposting rule: {item.ContactId ?? item.ContactCategory?.ToString()} ({item.Tier})";

    protected override SearchText Search(SignpostingRule item) => new(Title(item), item.Reason);

    // A rule whose contact is missing offers nothing; the rest of the answer still stands.
    protected override IEnumerable<ContentReference> References(SignpostingRule item) =>
        item.ContactId is { } contact ? [new("contact", BuiltInKinds.Contact.Name, [contact])] : [];

    protected override void Check(SignpostingRule rule, ICollection<string> reasons)
    {
        var bands = rule.AgeBandReasons.Select(r => r.AgeBand).Prepend(rule.ReasonAgeBand).ToList();
        foreach (var band in bands.Where(b => ReasonAgeBand.Find(b) is null).Distinct())
        {
            reasons.Add($"reasons: '{band}' is not a reader age band; use one of {string.Join(", ", ReasonAgeBand.All.Select(b => b.Id))}");
        }

        foreach (var band in bands.GroupBy(b => b, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            reasons.Add($"reasons: the reason for '{band.Key}' is written twice");
        }

        foreach (var banded in rule.AgeBandReasons.Where(r => string.IsNullOrWhiteSpace(r.Text)))
        {
            reasons.Add($"reasons.{banded.AgeBand}: is empty");
        }

        if ((rule.ContactId is null) == (rule.ContactCategory is null))
        {
            reasons.Add("contact: give either contact (one contact id) or contactCategory (every contact of that category from the requested force)");
        }
        else if (rule.ContactId is { } id && !ContentValidator.IsValidId(id))
        {
            reasons.Add($"contact: '{id}' is not a contact id");
        }

        if (rule.UsedBy == SignpostingUser.Child &&
            (rule.Askers.Count == 0 || rule.Askers.Any(a => a is SignpostingAsker.YoungPerson or SignpostingAsker.Adult)))
        {
            reasons.Add("askers: a rule used by the child is for adults asking about a child: list only parent-carer and professional");
        }
    }
}

internal sealed class SignpostingTierKind : SignpostingPartKind<SignpostingTierHeading, SignpostingTierDocument>
{
    public SignpostingTierKind()
        : base("signposting-tier", c => c.SignpostingTiers, (c, items) => c with { SignpostingTiers = items })
    {
        TranslatorNote = "signposting tier: the heading over a group of contacts";
        TitledBy("title", heading => heading.Title);
    }

    protected override SignpostingTierHeading Build(SignpostingTierDocument d, ItemFields f, CommonFields c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Review = c.Review,
        Tier = Tier(d.Tier, f),
        Title = f.Required(d.Title, "title"),
        Description = d.Description,
    };
}
