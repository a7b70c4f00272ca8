namespace ContentApi.Host.Features.Shared;

/// <summary>
/// The two answers most features give in the same way: every item of a kind in the asked-for language (a list served
/// whole, such as topics or age bands), and one item by id (served, gone, withheld or not found). A feature says which
/// items and how to shape one; the checks, the locale and the problems are the same everywhere.
/// </summary>
internal static class ContentEndpoints
{
    /// <summary>Every item of a kind, in the asked-for language, ordered by <paramref name="order"/>.</summary>
    public static Results<Ok<IReadOnlyList<TResource>>, ValidationProblem> All<T, TResource>(
        this ContentRequests requests,
        HttpRequest request,
        string? locale,
        Func<ContentSnapshot, IReadOnlyList<Entry<T>>> items,
        Func<Entry<T>, QueryValidator, TResource> shape,
        Func<IEnumerable<Entry<T>>, IEnumerable<Entry<T>>>? order = null)
        where T : ContentItem
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(null, null, null, null, null, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var entries = ContentQuery.Resolve(items(validator.Snapshot), filter);
        validator.AnnounceLanguages(entries);
        return TypedResults.Ok<IReadOnlyList<TResource>>((order?.Invoke(entries) ?? entries).Select(e => shape(e, validator)).ToList());
    }

    /// <summary>
    /// One item by id, in the asked-for language; with <paramref name="force"/>, that force's own version of an item it
    /// overrides, and its local items (which no other request sees).
    /// </summary>
    /// <remarks>
    /// <c>what</c> is how problems name the kind (<c>Age band</c>, <c>Police force</c>) and the kind itself; <c>belongs</c>
    /// turns an item found under the wrong parent (advice of another age band) into a 404.
    /// </remarks>
    public static Results<Ok<TResource>, ProblemHttpResult, ValidationProblem> One<T, TResource>(
        this ContentRequests requests,
        HttpRequest request,
        string id,
        string? locale,
        string? force,
        (string Title, ContentKind Kind) what,
        Func<ContentSnapshot, IReadOnlyList<Entry<T>>> items,
        Func<Entry<T>, QueryValidator, TResource> shape,
        Func<Entry<T>, bool>? belongs = null)
        where T : ContentItem
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(null, null, null, null, force, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var entry = ContentQuery.Find(items(validator.Snapshot), id, filter.Locale, filter.Reviews, filter.Force);
        return entry is not null && belongs?.Invoke(entry) == false
            ? ApiResults.NotFound(what.Title, id)
            : ApiResults.Item(validator, entry, what.Title, what.Kind.Name, id, e => shape(e, validator));
    }

    /// <summary>
    /// Entries ranked by the search text <paramref name="text"/>, best first (in their own order without it), with the
    /// languages they are in announced: how every searchable list (guidance, contacts, an age band's advice) orders what
    /// it found. Shaping is left to the caller, so a paged list shapes only its page.
    /// </summary>
    public static List<(Entry<T> Item, SearchMatch? Match)> Ranked<T>(this QueryValidator validator, IEnumerable<Entry<T>> entries, string? text, ContentKind kind)
        where T : ContentItem
    {
        var ranked = RankedSearch.Rank(entries, text, e => RankedSearch.Fields(kind.SearchTextOf(e.Item)), e => e.Item.Locale);
        validator.AnnounceLanguages(ranked.Select(r => r.Item.Item.Locale));
        return ranked;
    }

    /// <summary>A GET route as the OpenAPI documents show it: its handler, operation id, summary and description.</summary>
    public static RouteHandlerBuilder MapGetOperation(this IEndpointRouteBuilder group, string pattern, GetOperation operation)
    {
        var route = group.MapGet(pattern, operation.Handler).WithName(operation.Name).WithSummary(operation.Summary);
        return operation.Description is null ? route : route.WithDescription(operation.Description);
    }

    /// <summary>
    /// A kind served as a whole list and as one item by id: <c>GET /</c> and <c>GET /{id}</c> of its group. Answers the
    /// item route, for what differs between kinds: the problems it may answer (<see cref="ProducesItemProblems"/>, or
    /// only a 404 for a kind that is never withdrawn) and who may read it.
    /// </summary>
    /// <remarks>
    /// The validation generator cannot see through this call: a handler taking an <c>[AsParameters]</c> query record
    /// is mapped with its own <c>MapGet</c>, or its record is marked <c>[ValidatableType]</c>, or its declared rules
    /// are silently not enforced. Rules declared on plain parameters are found at run time and need neither.
    /// </remarks>
    public static RouteHandlerBuilder MapListAndItem(this RouteGroupBuilder group, GetOperation list, GetOperation item)
    {
        group.MapGetOperation("/", list);
        return group.MapGetOperation("/{id}", item);
    }

    /// <summary>A GET route in one API version, named and described: the versions of a route differ only in these.</summary>
    public static RouteHandlerBuilder MapGetInVersion(
        this RouteGroupBuilder group, string pattern, Delegate handler, Asp.Versioning.ApiVersion version, string name, string summary, string description) =>
        group.MapGetOperation(pattern, new(handler, name, summary, description)).MapToApiVersion(version);

    /// <summary>The problems an item by id may answer besides a 400: not found (or withheld), and gone (withdrawn or removed).</summary>
    public static RouteHandlerBuilder ProducesItemProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
}

/// <summary>
/// What the OpenAPI documents say of one GET operation besides its parameters and responses: the handler, its operation
/// id, summary and description (every operation has all three but one item route, whose summary says it all). The ids
/// and words are the contract, so each feature writes its own.
/// </summary>
internal sealed record GetOperation(Delegate Handler, string Name, string Summary, string? Description = null);
