using ContentApi.Host.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Host.Features.Guidance;

/// <summary>Filters for guidance lists.</summary>
public sealed record GuidanceQuery : PagedQuery
{
    [Description(ParameterDocs.Topic)]
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    [Description(ParameterDocs.Audience)]
    [OneOf<Audience>]
    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    [Description("Only items suitable for a child of this age, in whole years (0-25; any age over 25 means an adult).")]
    [Range(0, QueryLimits.MaxAge, ErrorMessage = RuleMessages.Age)]
    [FromQuery(Name = "age")]
    public int? Age { get; init; }

    [Description("Only items for this age band (an id from /age-bands, such as 8-10).")]
    [FromQuery(Name = "ageBand")]
    public string? AgeBand { get; init; }

    [Description(ParameterDocs.Force)]
    [FromQuery(Name = "force")]
    public string? Force { get; init; }

    [Description(ParameterDocs.Locale)]
    [FromQuery(Name = "locale")]
    public string? Locale { get; init; }

    [Description("Text to search for in titles, summaries and bodies (at most 200 characters). Results are ranked, best first, and each says which fields matched.")]
    [MaxLength(QueryLimits.MaxTextLength, ErrorMessage = RuleMessages.MaxLength)]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("How to return bodies: markdown (default), html (sanitised, links absolute) or text.")]
    [OneOf<BodyFormat>]
    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}

internal static class GuidanceApi
{
    private const string ListDescription =
        "Guidance for parents and carers, young people and professionals. Filters combine; paged. With q, results are " +
        "ranked (title matches first, then summary, then body) and each says which fields matched.";

    private const string GetDescription =
        "One article by id. With force, a force's own version replaces a national article it overrides. " +
        "A withdrawn article answers 410 Gone with the withdrawal notice.";

    public static RouteGroupBuilder MapGuidanceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/guidance").WithTags("Guidance");

        // Mapped here with MapGet, not through MapListAndItem: the validation generator learns GuidanceQuery's declared
        // rules only from a MapGet call it can read, and without them page=0 or age=-1 would be served.
        group.MapGet("/", List).WithName("ListGuidance").WithSummary("List guidance articles").WithDescription(ListDescription);
        group.MapGetOperation("/{id}", new(Get, "GetGuidance", "Get one guidance article", GetDescription))
            .ProducesItemProblems()
            .OpenToAnyOrigin(); // the embeddable widget (Features/Widget) asks this from partner pages on any origin

        return api;
    }

    /// <summary>Where search looks in an article, and how much each place counts.</summary>
    private static Results<Ok<PagedResult<GuidanceResource>>, ValidationProblem> List(
        [AsParameters] GuidanceQuery query, ContentRequests requests, HttpRequest request)
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(query.Topic, query.Audience, query.Age, query.AgeBand, query.Force, query.Locale, query.Q);
        var format = QueryValidator.Format(query.Format);
        var (page, pageSize) = QueryValidator.Paging(query.Page, query.PageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var ranked = validator.Ranked(ContentQuery.Resolve(validator.Snapshot.Guidance, filter), filter.Text, BuiltInKinds.Guidance);
        return TypedResults.Ok(ranked.ToPage(page, pageSize, r => new GuidanceResource(r.Item, validator.Context, format) { Search = r.Match }));
    }

    private static Results<Ok<GuidanceResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description(ParameterDocs.Id), ParameterExample("talking-to-your-child")] string id,
        [Description(ParameterDocs.Locale)] string? locale,
        [Description(ParameterDocs.Force)] string? force,
        [Description(ParameterDocs.Format), OneOf<BodyFormat>] string? format,
        ContentRequests requests,
        HttpRequest request)
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(null, null, null, null, force, locale);
        var bodyFormat = QueryValidator.Format(format);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var entry = ContentQuery.Find(validator.Snapshot.Guidance, id, filter.Locale, filter.Reviews, filter.Force);
        return ApiResults.Item(validator, entry, "Guidance article", BuiltInKinds.Guidance.Name, id, e => new GuidanceResource(e, validator.Context, bodyFormat));
    }
}
