using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Host.Content;

/// <summary>A signposting question as the API receives it: the question itself, the force and the language.</summary>
internal sealed record SignpostingRequest(SignpostingQuestion Question, string? Force, string Locale);

/// <summary>One contact offered, with why.</summary>
internal sealed record SignpostingEntry(Entry<Contact> Contact, Entry<SignpostingRule> Rule, SignpostingUser UsedBy, ChosenReason Reason);

/// <summary>One tier of the answer, in display order.</summary>
internal sealed record SignpostingGroup(SignpostingTier Tier, Entry<SignpostingTierHeading>? Heading, IReadOnlyList<SignpostingEntry> Entries);

/// <summary>
/// Answers a signposting question from the content being served: picks the contacts, rules and headings the force
/// and language see (<see cref="ContentQuery"/>), lets <see cref="Signposter"/> choose and order the offers, and
/// groups them into tiers.
/// </summary>
internal static class SignpostingEngine
{
    public static IReadOnlyList<SignpostingGroup> Answer(ContentSnapshot snapshot, SignpostingRequest request, ReviewClock reviews)
    {
        var filter = new ContentFilter { Force = request.Force, Locale = request.Locale, Reviews = reviews };
        var contacts = ContentQuery.Resolve(snapshot.Contacts, filter);
        var headings = ContentQuery.Resolve(snapshot.SignpostingTiers, filter);
        var rules = ContentQuery.Resolve(snapshot.SignpostingRules, filter);
        var originals = IsDefault(request.Locale)
            ? rules
            : ContentQuery.Resolve(snapshot.SignpostingRules, filter with { Locale = ContentItem.DefaultLocale });

        var contactEntries = contacts.ToDictionary(c => (object)c.Item, ReferenceEqualityComparer.Instance);
        var ruleEntries = rules.ToDictionary(r => (object)r.Item, ReferenceEqualityComparer.Instance);
        var originalById = originals.ToDictionary(r => r.Item.Id, r => r.Item, StringComparer.Ordinal);

        var offers = Signposter.Answer(
            contacts.Select(c => c.Item).ToList(),
            rules.Select(r => r.Item),
            request.Question,
            request.Force,
            rule => originalById.GetValueOrDefault(rule.Id, rule));

        return offers
            .Select(o => new SignpostingEntry(contactEntries[o.Contact], ruleEntries[o.Rule], o.UsedBy, o.Reason))
            .GroupBy(e => e.Rule.Item.Tier)
            .Select(g => new SignpostingGroup(g.Key, headings.FirstOrDefault(h => h.Item.Tier == g.Key), g.ToList()))
            .ToList();
    }

    private static bool IsDefault(string locale) => string.Equals(locale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase);
}
