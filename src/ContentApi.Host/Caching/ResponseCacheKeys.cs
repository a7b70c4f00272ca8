using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContentApi.Host.Caching;

/// <summary>
/// Cache keys for rendered responses: content fingerprint, path (which holds the API version), the query normalised
/// (names lower-cased and sorted, so <c>?b=1&amp;A=2</c> and <c>?a=2&amp;b=1</c> share an entry) and the locale. Only
/// bounded inputs make a key, so callers cannot fill the cache with copies of one response: parameters the endpoint does
/// not bind are left out (they cannot change what it renders), Accept-Language is reduced to the locale it picks among
/// those content exists in. A free-text search (<c>q</c>, at most 200 characters) is stored under its exact text like any
/// other value: over a large pack a search costs far more than a hit (about 50 ms over 10,000 articles), and the memory
/// limit, with entries sized by their bytes, bounds how many searches are kept, least recently used going first.
/// </summary>
internal static class ResponseCacheKeys
{
    /// <summary>Longer keys are not cached (served, not stored), so hostile URLs cannot flood the caches with huge keys.</summary>
    public const int MaxKeyLength = 2048;

    private const string LocaleParameter = "locale";

    private static readonly SearchValues<char> PathNeedingEscape = SearchValues.Create("?|");

    private static readonly ConditionalWeakTable<Endpoint, HashSet<string>> BoundQueryNames = [];

    /// <summary>The key for a request, or null when the request should be served without storing it.</summary>
    public static string? For(HttpRequest request, CacheScope scope)
    {
        var path = request.Path.Value ?? "/";
        if (path.AsSpan().ContainsAny(PathNeedingEscape))
        {
            path = request.Path.ToUriComponent();
        }

        var query = request.Query;
        var language = Language(request, scope.Snapshot.Locales);
        var bound = Bound(request.HttpContext.GetEndpoint());
        if (!query.Keys.Any(name => bound?.Contains(name) != false) && language.Length == 0)
        {
            // The common case: one allocation.
            return path.Length > MaxKeyLength ? null : string.Concat(scope.KeyPrefix, "|", path);
        }

        var key = new StringBuilder(scope.KeyPrefix.Length + path.Length + 64)
            .Append(scope.KeyPrefix).Append('|').Append(path).Append('?');
        AppendNormalisedQuery(key, query, bound);
        key.Append('|').Append(language);
        return key.Length > MaxKeyLength ? null : key.ToString();
    }

    /// <summary>
    /// The locale Accept-Language picks, as the endpoint will pick it (empty for the default, or when the locale
    /// parameter decides instead).
    /// </summary>
    private static string Language(HttpRequest request, IReadOnlyCollection<string> locales)
    {
        var header = request.Headers.AcceptLanguage;
        if (header.Count == 0 || request.Query.ContainsKey(LocaleParameter))
        {
            return string.Empty;
        }

        var locale = LocaleNegotiation.FromAcceptLanguage(header, locales);
        return string.Equals(locale, ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase) ? string.Empty : locale.ToLowerInvariant();
    }

    /// <summary>The query names the endpoint binds; null (keep every name) when it declares none.</summary>
    private static HashSet<string>? Bound(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        var names = BoundQueryNames.GetValue(endpoint, QueryParameterNames.DeclaredBy);
        return names.Count == 0 ? null : names;
    }

    private static void AppendNormalisedQuery(StringBuilder key, IQueryCollection query, HashSet<string>? bound)
    {
        var names = query.Keys.Where(name => bound?.Contains(name) != false).ToArray();
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
}
