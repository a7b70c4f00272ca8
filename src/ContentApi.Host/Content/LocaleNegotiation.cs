using Microsoft.Net.Http.Headers;

namespace ContentApi.Host.Content;

/// <summary>
/// Picks the locale a request wants from the locales content exists in: the <c>locale</c> query parameter when given,
/// otherwise the <c>Accept-Language</c> header in order of preference, otherwise en-GB. A bare language matches a
/// regional locale (<c>cy</c> finds <c>cy-GB</c>), so a Welsh browser sending <c>cy</c> gets Welsh.
/// </summary>
internal static class LocaleNegotiation
{
    public static string FromQuery(string locale, IReadOnlyCollection<string> available) => Match(locale, available) ?? locale;

    public static string FromAcceptLanguage(IEnumerable<string?> headerValues, IReadOnlyCollection<string> available)
    {
        if (!StringWithQualityHeaderValue.TryParseList(headerValues.Where(v => v is not null).ToList()!, out var languages))
        {
            return ContentItem.DefaultLocale;
        }

        return languages
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value is { } tag && tag != "*" ? Match(tag, available) : null)
            .FirstOrDefault(match => match is not null) ?? ContentItem.DefaultLocale;
    }

    private static string? Match(string tag, IReadOnlyCollection<string> available) =>
        available.FirstOrDefault(l => string.Equals(l, tag, StringComparison.OrdinalIgnoreCase))
        ?? available.FirstOrDefault(l => string.Equals(Language(l), Language(tag), StringComparison.OrdinalIgnoreCase));

    private static string Language(string tag) => tag.Split('-')[0];
}
