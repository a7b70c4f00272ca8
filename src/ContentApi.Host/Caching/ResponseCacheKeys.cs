using System.Buffers;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace ContentApi.Host.Caching;

/// <summary>
/// Cache keys for rendered responses: content fingerprint, path (which holds the API version), query normalised (names
/// lower-cased and sorted, so <c>?b=1&amp;A=2</c> and <c>?a=2&amp;b=1</c> share an entry) and Accept-Language.
/// </summary>
internal static class ResponseCacheKeys
{
    /// <summary>Longer keys are not cached (served, not stored), so hostile URLs cannot flood the caches with huge keys.</summary>
    public const int MaxKeyLength = 2048;

    public const int MaxLanguageLength = 100;

    private static readonly SearchValues<char> PathNeedingEscape = SearchValues.Create("?|");

    private static readonly SearchValues<char> LanguageCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_,;=.* ");

    /// <summary>The key for a request, or null when the request should be served without storing it.</summary>
    public static string? For(HttpRequest request, string fingerprint)
    {
        var path = request.Path.Value ?? "/";
        if (path.AsSpan().ContainsAny(PathNeedingEscape))
        {
            path = request.Path.ToUriComponent();
        }

        var languages = request.Headers.AcceptLanguage;
        if (!request.QueryString.HasValue && StringValues.IsNullOrEmpty(languages))
        {
            // The common case: one allocation.
            return path.Length > MaxKeyLength ? null : string.Concat(fingerprint, "|", path);
        }

        if (!TryNormaliseLanguages(languages, out var language))
        {
            return null;
        }

        var key = new StringBuilder(fingerprint.Length + path.Length + 64)
            .Append(fingerprint).Append('|').Append(path).Append('?');
        AppendNormalisedQuery(key, request.Query);
        key.Append('|').Append(language);
        return key.Length > MaxKeyLength ? null : key.ToString();
    }

    private static void AppendNormalisedQuery(StringBuilder key, IQueryCollection query)
    {
        var names = new string[query.Count];
        var i = 0;
        foreach (var pair in query)
        {
            names[i++] = pair.Key;
        }

        Array.Sort(names, StringComparer.OrdinalIgnoreCase);
        var first = true;
        foreach (var name in names)
        {
            foreach (var value in query[name])
            {
                key.Append(first ? string.Empty : "&")
                    .Append(Uri.EscapeDataString(name.ToLowerInvariant()))
                    .Append('=')
                    .Append(Uri.EscapeDataString(value ?? string.Empty));
                first = false;
            }
        }
    }

    private static bool TryNormaliseLanguages(StringValues languages, out string normalised)
    {
        normalised = string.Empty;
        if (StringValues.IsNullOrEmpty(languages))
        {
            return true;
        }

        var joined = languages.Count == 1 ? languages[0]! : string.Join(',', languages.ToArray());
        if (joined.Length > MaxLanguageLength || joined.AsSpan().ContainsAnyExcept(LanguageCharacters))
        {
            return false;
        }

        normalised = joined.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return true;
    }
}
