using Microsoft.Net.Http.Headers;

namespace ContentApi.Host.Features.Shared;

/// <summary>Starts the handling of a content request: the content as it is now, the review policy today, and the request.</summary>
internal sealed class ContentRequests(ContentStore store, ReviewPolicy reviews)
{
    public QueryValidator Begin(HttpRequest request) => new(store.State, reviews.Now(), request);
}

/// <summary>
/// Checks query parameters against the current content (does this topic, age band or plugin exist; is this a word the
/// API knows) and collects every problem, starting from those the framework's validation found against the rules
/// declared on the query record (see <see cref="DeclaredRules"/>), so one 400 response names each bad parameter and
/// says why. It also settles the locale (from locale or Accept-Language) and announces it on the response, since every
/// content response depends on it.
/// </summary>
internal sealed class QueryValidator
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private readonly ContentSnapshot _snapshot;
    private readonly HttpRequest _request;

    public QueryValidator(ContentState state, ReviewClock reviews, HttpRequest request)
    {
        State = state;
        _snapshot = state.Snapshot;
        Reviews = reviews;
        _request = request;
        Context = new ResourceContext(ContentItem.DefaultLocale, reviews);
        foreach (var (name, messages) in DeclaredRules.BrokenIn(request.HttpContext))
        {
            _errors[name] = messages;
        }
    }

    public ContentState State { get; }

    public ContentSnapshot Snapshot => _snapshot;

    public ReviewClock Reviews { get; }

    /// <summary>What resources need to know; its locale is settled by <see cref="Locale"/>.</summary>
    public ResourceContext Context { get; private set; }

    public bool IsValid => _errors.Count == 0;

    public ValidationProblem Problem() => ProblemFor(_errors);

    /// <summary>The 400 for query problems, each keyed by its parameter's query name, the same from every endpoint.</summary>
    public static ValidationProblem ProblemFor(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "One or more query parameters are not valid.",
        detail: ProblemHandling.Describe(errors));

    public ContentFilter Filter(string? topic, string? audience, int? age, string? ageBand, string? force, string? locale, string? text = null) => new()
    {
        Reviews = Reviews,
        Topic = Topic(topic),
        Audience = Word<Audience>(audience),
        Age = Age(age),
        AgeBandRange = AgeBand(ageBand),
        Force = Force(force),
        Locale = Locale(locale),
        Text = Text(text),
    };

    /// <summary>The page asked for; the framework's validation has already checked both against their declared ranges.</summary>
    public static (int Page, int PageSize) Paging(int? page, int? pageSize) => (page ?? 1, pageSize ?? QueryLimits.DefaultPageSize);

    /// <summary>The value a query word names; its declared <see cref="OneOfAttribute{TEnum}"/> rule has already been checked.</summary>
    public static TEnum? Word<TEnum>(string? value)
        where TEnum : struct, System.Enum => EnumText.TryParse<TEnum>(value, out var parsed) ? parsed : null;

    /// <summary>
    /// The locale the request wants: the locale parameter when given, else the Accept-Language header, matched to the
    /// locales content exists in. Responses vary by Accept-Language, and say so.
    /// </summary>
    public string Locale(string? value)
    {
        var locale = ContentItem.DefaultLocale;
        if (value is null)
        {
            locale = LocaleNegotiation.FromAcceptLanguage(_request.Headers.AcceptLanguage, _snapshot.Locales);
        }
        else if (ContentValidator.IsValidLocale(value))
        {
            locale = LocaleNegotiation.FromQuery(value, _snapshot.Locales);
        }
        else
        {
            Add("locale", $"'{Shorten(value)}' is not a BCP 47 language tag such as en-GB or cy-GB.");
        }

        _request.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        Context = Context with { RequestedLocale = locale };
        return locale;
    }

    /// <summary>Sets Content-Language to the languages actually served, the requested one first; the requested one when nothing was.</summary>
    public void AnnounceLanguages(IEnumerable<string> servedLocales)
    {
        var requested = Context.RequestedLocale;
        var served = servedLocales
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(l => string.Equals(l, requested, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        _request.HttpContext.Response.Headers.ContentLanguage = served.Count == 0 ? requested : string.Join(", ", served);
    }

    public void AnnounceLanguages<T>(IEnumerable<Entry<T>> served)
        where T : ContentItem => AnnounceLanguages(served.Select(e => e.Item.Locale).ToList());

    public string? PluginId(string? plugin) =>
        Known(plugin, "plugin", _snapshot.Plugins.Select(p => p.Report.Id), "is not a loaded plugin. Plugins");

    public FeedPosition? Since(string? since)
    {
        if (since is null)
        {
            return null; // required by a declared rule on the parameter, which the framework's validation reports
        }

        if (FeedPosition.TryParse(since, out var position))
        {
            return position;
        }

        Add("since", $"'{Shorten(since)}' is neither an ISO 8601 timestamp nor a cursor from this feed.");
        return null;
    }

    public static BodyFormat Format(string? format) => Word<BodyFormat>(format) ?? BodyFormat.Markdown;

    /// <summary>
    /// The age asked about: 0-25 as given, and any older age as <see cref="AgeRange.Adult"/>. Its declared range
    /// (0-<see cref="QueryLimits.MaxAge"/>) is the framework validation's to check.
    /// </summary>
    public static int? Age(int? age) => age > AgeRange.MaximumAge ? AgeRange.Adult : age;

    private string? Topic(string? topic) =>
        Known(topic, "topic", _snapshot.Topics.Select(t => t.Item.Id), "is not a known topic. Known topics");

    // A word that must name something loaded: the problem lists what is, so a typo is plain to see.
    private string? Known(string? value, string parameter, IEnumerable<string> known, string notKnown)
    {
        if (value is null || known.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Add(parameter, $"'{Shorten(value)}' {notKnown}: {string.Join(", ", known.Distinct())}.");
        return null;
    }

    private AgeRange? AgeBand(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var band = _snapshot.AgeBands.FirstOrDefault(b => b.Item.Id == id);
        if (band?.Item.AgeRange is { } range)
        {
            return range;
        }

        Add("ageBand", $"'{Shorten(id)}' is not a known age band. Known age bands: {string.Join(", ", _snapshot.AgeBands.Select(b => b.Item.Id).Distinct())}.");
        return null;
    }

    // An unknown force is an error like an unknown topic: answering with national content alone would hide the typo
    // from a partner whose visitors then never see their force's own contacts. A host without the forces directory
    // cannot tell, so there any well-formed id is taken.
    private string? Force(string? force)
    {
        if (force is null || IsKnownForce(force))
        {
            return force;
        }

        Add("force", $"'{Shorten(force)}' is not a known force; use a data.police.uk id from /forces, such as gloucestershire.");
        return null;
    }

    private bool IsKnownForce(string force) =>
        _snapshot.Forces.Count == 0
            ? ContentValidator.IsValidId(force)
            : _snapshot.Forces.Any(f => string.Equals(f.Item.Id, force, StringComparison.OrdinalIgnoreCase)) ||
              _snapshot.All.Any(e => string.Equals(e.Item.ForceId, force, StringComparison.OrdinalIgnoreCase));

    /// <summary>The search text, trimmed; its declared length is the framework validation's to check.</summary>
    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Adds a problem with a parameter, after any the declared rules already found with it.</summary>
    public void Add(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var earlier) ? [.. earlier, message] : [message];

    // Echoing input back is useful, but never a whole hostile query string.
    internal static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
