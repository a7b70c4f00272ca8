using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// Checks one plugin's national contacts and signposting rules against the safety invariants, in English and in every
/// language the plugin translates them into, for every question the invariants cover. A plugin runs it as it loads,
/// so content that breaks an invariant is reported as an error and refused.
/// </summary>
public static class SignpostingInvariantCheck
{
    /// <summary>At most this many broken questions are reported per invariant; one is enough to see the break.</summary>
    public const int ExamplesPerInvariant = 3;

    /// <summary>Every broken invariant, each with a request that shows it.</summary>
    /// <param name="content">The plugin's content.</param>
    /// <param name="invariants">The invariants.</param>
    /// <param name="origin">The invariants file, for problem reports.</param>
    /// <returns>The problems; none when every invariant holds.</returns>
    public static IReadOnlyList<ContentProblem> CheckNational(PluginContent content, IReadOnlyList<SignpostingInvariant> invariants, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(invariants);
        var contacts = National(content.Contacts);
        var rules = National(content.SignpostingRules);
        var originals = InLocale(rules, ContentItem.DefaultLocale).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var topics = rules.SelectMany(r => r.Topics).Concat(contacts.SelectMany(c => c.Topics)).Concat(invariants.SelectMany(i => i.Topics)).ToList();
        var locales = contacts.Select(c => c.Locale).Concat(rules.Select(r => r.Locale)).Append(ContentItem.DefaultLocale)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var problems = new List<ContentProblem>();
        var examples = invariants.ToDictionary(i => i.Id, _ => 0, StringComparer.Ordinal);
        foreach (var locale in locales)
        {
            var served = InLocale(contacts, locale);
            var localRules = InLocale(rules, locale);
            foreach (var question in SignpostingInvariants.Questions(topics))
            {
                var answer = Signposter.Answer(served, localRules, question, force: null, r => originals.GetValueOrDefault(r.Id, r));
                foreach (var invariant in invariants)
                {
                    if (examples[invariant.Id] < ExamplesPerInvariant && invariant.Violation(question, null, served, answer) is { } why)
                    {
                        examples[invariant.Id]++;
                        problems.Add(new ContentProblem(
                            $"{origin} (invariant {invariant.Id})",
                            $"broken: {invariant.Says} For {SignpostingInvariants.Describe(question, null, locale)}: {why}."));
                    }
                }
            }
        }

        return problems;
    }

    private static List<T> National<T>(IEnumerable<T> items)
        where T : ContentItem => items.Where(i => i.ForceId is null && i.Status == ContentStatus.Published).ToList();

    // For each id, the item in the locale if there is one, else the en-GB one: what a request in that locale is served.
    private static List<T> InLocale<T>(List<T> items, string locale)
        where T : ContentItem => items
        .GroupBy(i => i.Id, StringComparer.Ordinal)
        .Select(g => g.FirstOrDefault(i => string.Equals(i.Locale, locale, StringComparison.OrdinalIgnoreCase))
                     ?? g.FirstOrDefault(i => string.Equals(i.Locale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase)))
        .OfType<T>()
        .ToList();
}
