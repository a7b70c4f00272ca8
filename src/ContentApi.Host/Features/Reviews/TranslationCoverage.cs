namespace ContentApi.Host.Features.Reviews;

/// <summary>How much of one kind of content is translated into one language.</summary>
/// <param name="Locale">The language (BCP 47).</param>
/// <param name="Kind">guidance, contact, age-band, advice, topic, force, signposting-rule or signposting-tier.</param>
/// <param name="Originals">Published en-GB items of this kind.</param>
/// <param name="Reviewed">Translations a fluent speaker has checked.</param>
/// <param name="NeedsReview">Translations not yet checked (served, marked translationStatus: needs-review).</param>
/// <param name="Stale">Translations whose English changed since (not served: the English is, until they are updated).</param>
/// <param name="Missing">Originals with no translation (served in English with fallback: true).</param>
/// <param name="Percent">Served translations (reviewed and needs-review) as a whole percentage of the originals.</param>
public sealed record TranslationCoverageResource(
    string Locale, string Kind, int Originals, int Reviewed, int NeedsReview, int Stale, int Missing, int Percent);

/// <summary>A translation whose English original changed after it was translated.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Locale">The translation's language.</param>
/// <param name="Plugin">The plugin that supplies it.</param>
/// <param name="Translator">Who translated it, when recorded.</param>
/// <param name="Translated">When it was translated, when recorded.</param>
public sealed record StaleTranslationResource(string Kind, string Id, string Locale, string Plugin, string? Translator, DateOnly? Translated);

/// <summary>Translation coverage, computed from the loaded content: per language other than en-GB, per kind.</summary>
internal static class TranslationCoverage
{
    public static IReadOnlyList<TranslationCoverageResource> Of(IReadOnlyList<AnyEntry> entries, IReadOnlyList<string> locales)
    {
        var published = entries.Where(e => e.Item.Status == ContentStatus.Published).ToList();
        var coverage = new List<TranslationCoverageResource>();
        foreach (var locale in locales.Where(l => !IsDefault(l)).Order(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var kind in published.GroupBy(e => e.Kind.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var originals = kind.Where(e => IsDefault(e.Item.Locale)).Select(e => e.Item.Id).ToHashSet(StringComparer.Ordinal);
                if (originals.Count == 0)
                {
                    continue;
                }

                var translations = kind
                    .Where(e => string.Equals(e.Item.Locale, locale, StringComparison.OrdinalIgnoreCase) && originals.Contains(e.Item.Id))
                    .Select(e => e.Item.TranslationStatus)
                    .ToList();
                var reviewed = translations.Count(s => s == TranslationStatus.Reviewed);
                var needsReview = translations.Count(s => s == TranslationStatus.NeedsReview);
                coverage.Add(new TranslationCoverageResource(
                    locale, kind.Key, originals.Count, reviewed, needsReview, translations.Count(s => s == TranslationStatus.Stale),
                    originals.Count - translations.Count, (reviewed + needsReview) * 100 / originals.Count));
            }
        }

        return coverage;
    }

    public static IReadOnlyList<StaleTranslationResource> Stale(IReadOnlyList<AnyEntry> entries) => entries
        .Where(e => e.Item.Status == ContentStatus.Published && e.Item.TranslationStatus == TranslationStatus.Stale)
        .OrderBy(e => e.Item.Locale, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Kind.Name, StringComparer.Ordinal).ThenBy(e => e.Item.Id, StringComparer.Ordinal)
        .Select(e => new StaleTranslationResource(e.Kind.Name, e.Item.Id, e.Item.Locale, e.Plugin.Id, e.Item.Translation?.Translator, e.Item.Translation?.Translated))
        .ToList();

    private static bool IsDefault(string locale) => string.Equals(locale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase);
}
