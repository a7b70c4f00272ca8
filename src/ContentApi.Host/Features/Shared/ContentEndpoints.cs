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

    /// <summary>A GET route in one API version, named and described: the versions of a route differ only in these.</summary>
    public static RouteHandlerBuilder MapGetInVersion(
        this RouteGroupBuilder group, string pattern, Delegate handler, Asp.Versioning.ApiVersion version, string name, string summary, string description) =>
        group.MapGet(pattern, handler).MapToApiVersion(version).WithName(name).WithSummary(summary).WithDescription(description);

    /// <summary>The problems an item by id may answer besides a 400: not found (or withheld), and gone (withdrawn or removed).</summary>
    public static RouteHandlerBuilder ProducesItemProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
}
