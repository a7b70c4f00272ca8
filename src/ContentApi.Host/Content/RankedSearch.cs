using System.Globalization;
using System.Text;

namespace ContentApi.Host.Content;

/// <summary>One searchable field of an item and how much a match in it counts.</summary>
internal sealed record SearchField(string Name, double Weight, string? Text);

/// <summary>How well an item matched a search, and in which fields.</summary>
/// <param name="Score">Higher is better; only comparable within one search.</param>
/// <param name="MatchedFields">The fields that contain at least one search term: title, summary or body.</param>
public sealed record SearchMatch(double Score, IReadOnlyList<string> MatchedFields);

/// <summary>
/// Ranked full-text search over the items a request already selected (so it searches the requested locale, with
/// fallbacks). Every term must appear somewhere in the item. A term scores its field's weight (title 10, summary 4,
/// body 1) times a damped term frequency (1 + ln tf), and the whole phrase appearing in a field adds twice that field's
/// weight. Matching ignores case and accents (so <c>dwr</c> finds <c>dŵr</c>), and English plurals match singulars.
/// </summary>
internal static class RankedSearch
{
    public const double TitleWeight = 10;
    public const double SummaryWeight = 4;
    public const double BodyWeight = 1;

    // Words too common to rank by, in the two languages content is written in.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "i", "if", "in", "is", "it", "my", "of",
        "on", "or", "the", "to", "what", "when", "with", "you", "your",
        "a", "ac", "am", "ar", "at", "i", "o", "y", "yn", "yr", "ei", "eich", "ti", "chi", "mae", "beth",
    };

    /// <summary>The weighted fields of what a content kind says search ranks an item by.</summary>
    public static IEnumerable<SearchField> Fields(SearchText text) =>
    [
        new("title", TitleWeight, text.Title),
        new("summary", SummaryWeight, text.Summary),
        new("body", BodyWeight, text.Body),
    ];

    /// <summary>With search text, the items that match every term, best first; without, every item unranked.</summary>
    /// <param name="items">What to search.</param>
    /// <param name="query">The search text, or null.</param>
    /// <param name="fields">The searchable fields of an item.</param>
    /// <param name="localeOf">An item's locale: each item is read by the rules of its own language.</param>
    public static List<(T Item, SearchMatch? Match)> Rank<T>(IEnumerable<T> items, string? query, Func<T, IEnumerable<SearchField>> fields, Func<T, string> localeOf)
    {
        if (query is null)
        {
            return items.Select(item => (item, (SearchMatch?)null)).ToList();
        }

        return items
            .Select(item => (Item: item, Match: Score(fields(item), query, localeOf(item))))
            .Where(r => r.Match is not null)
            .OrderByDescending(r => r.Match!.Score)
            .ToList();
    }

    private static SearchMatch? Score(IEnumerable<SearchField> fields, string query, string locale)
    {
        var terms = Terms(query, locale);
        var phrase = string.Join(' ', Tokens(query, locale));
        if (terms.Count == 0)
        {
            return null;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var matched = new List<string>();
        var score = 0.0;
        foreach (var field in fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            var tokens = Tokens(field.Text!, locale);
            var fieldScore = 0.0;
            foreach (var term in terms)
            {
                var frequency = tokens.Count(t => t == term);
                if (frequency > 0)
                {
                    found.Add(term);
                    fieldScore += field.Weight * (1 + Math.Log(frequency));
                }
            }

            if (fieldScore > 0)
            {
                if (terms.Count > 1 && $" {string.Join(' ', tokens)} ".Contains($" {phrase} ", StringComparison.Ordinal))
                {
                    fieldScore += 2 * field.Weight;
                }

                matched.Add(field.Name);
                score += fieldScore;
            }
        }

        return found.Count == terms.Count ? new SearchMatch(Math.Round(score, 3), matched) : null;
    }

    private static List<string> Terms(string query, string locale)
    {
        var tokens = Tokens(query, locale).Distinct().ToList();
        var meaningful = tokens.Where(t => !StopWords.Contains(t)).ToList();
        return meaningful.Count > 0 ? meaningful : tokens;
    }

    private static List<string> Tokens(string text, string locale)
    {
        var english = locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(Stem(current.ToString(), english));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(Stem(current.ToString(), english));
        }

        return tokens;
    }

    // Lower case without accents: Welsh circumflexes (ŵ, ŷ, â) are often typed without them.
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // Plurals only, and only in English: enough for "images" to find "image" without a stemming library.
    private static string Stem(string token, bool english) =>
        !english || token.Length <= 3 || token.EndsWith("ss", StringComparison.Ordinal) ? token
        : token.EndsWith("ies", StringComparison.Ordinal) && token.Length > 4 ? token[..^3] + "y"
        : token.EndsWith('s') ? token[..^1]
        : token;
}
