namespace ContentApi.Host.Content;

/// <summary>A signposting question as the API receives it: the question itself, the force and the language.</summary>
internal sealed record SignpostingRequest(SignpostingQuestion Question, string? Force, string Locale);

/// <summary>One contact offered, with why.</summary>
internal sealed record SignpostingEntry(Entry<Contact> Contact, Entry<SignpostingRule> Rule, SignpostingUser UsedBy, ChosenReason Reason);

/// <summary>One tier of the answer, in display order.</summary>
internal sealed record SignpostingGroup(SignpostingTier Tier, Entry<SignpostingTierHeading>? Heading, IReadOnlyList<SignpostingEntry> Entries);

/// <summary>
/// What one force and language see of the signposting content: served contacts (national ones replaced by the force's
/// overrides), rules and their en-GB originals, and tier headings. Every question for that force and language is
/// answered from it.
/// </summary>
internal sealed class SignpostingContent
{
    private readonly Dictionary<object, Entry<Contact>> _contactEntries;
    private readonly Dictionary<object, Entry<SignpostingRule>> _ruleEntries;
    private readonly Dictionary<string, SignpostingRule> _originals;
    private readonly List<SignpostingRule> _rules;
    private readonly List<Entry<SignpostingTierHeading>> _headings;

    public SignpostingContent(ContentSnapshot snapshot, string? force, string locale, ReviewClock reviews)
    {
        var filter = new ContentFilter { Force = force, Locale = locale, Reviews = reviews };
        var contacts = ContentQuery.Resolve(snapshot.Contacts, filter);
        var rules = ContentQuery.Resolve(snapshot.SignpostingRules, filter);
        var originals = string.Equals(locale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase)
            ? rules
            : ContentQuery.Resolve(snapshot.SignpostingRules, filter with { Locale = ContentItem.DefaultLocale });

        Force = force;
        Contacts = contacts.Select(c => c.Item).ToList();
        _headings = ContentQuery.Resolve(snapshot.SignpostingTiers, filter);
        _rules = rules.Select(r => r.Item).ToList();
        _contactEntries = contacts.ToDictionary(c => (object)c.Item, ReferenceEqualityComparer.Instance);
        _ruleEntries = rules.ToDictionary(r => (object)r.Item, ReferenceEqualityComparer.Instance);
        _originals = originals.ToDictionary(r => r.Item.Id, r => r.Item, StringComparer.Ordinal);
    }

    public string? Force { get; }

    /// <summary>Every contact served for the force and language.</summary>
    public IReadOnlyList<Contact> Contacts { get; }

    public IReadOnlyList<SignpostingOffer> Offers(SignpostingQuestion question) =>
        Signposter.Answer(Contacts, _rules, question, Force, rule => _originals.GetValueOrDefault(rule.Id, rule));

    public IReadOnlyList<SignpostingGroup> Answer(SignpostingQuestion question) => Offers(question)
        .Select(o => new SignpostingEntry(_contactEntries[o.Contact], _ruleEntries[o.Rule], o.UsedBy, o.Reason))
        .GroupBy(e => e.Rule.Item.Tier)
        .Select(g => new SignpostingGroup(g.Key, _headings.FirstOrDefault(h => h.Item.Tier == g.Key), g.ToList()))
        .ToList();
}

/// <summary>
/// Answers a signposting question from the content being served: picks what the force and language see
/// (<see cref="SignpostingContent"/>, through <see cref="ContentQuery"/>), lets <see cref="Signposter"/> choose and
/// order the offers, and groups them into tiers.
/// </summary>
internal static class SignpostingEngine
{
    public static IReadOnlyList<SignpostingGroup> Answer(ContentSnapshot snapshot, SignpostingRequest request, ReviewClock reviews) =>
        new SignpostingContent(snapshot, request.Force, request.Locale, reviews).Answer(request.Question);
}
