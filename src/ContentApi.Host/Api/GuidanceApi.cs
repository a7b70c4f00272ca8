using System.ComponentModel;
using ContentApi.Abstractions;
using ContentApi.Host.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentApi.Host.Api;

internal static class GuidanceApi
{
    public static RouteGroupBuilder MapGuidanceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/guidance").WithTags("Guidance");

        group.MapGet("/", List)
            .WithName("ListGuidance")
            .WithSummary("List guidance articles")
            .WithDescription(
                "Guidance for parents and carers, young people and professionals. Filters combine; paged. With q, results are " +
                "ranked (title matches first, then summary, then body) and each says which fields matched.");

        group.MapGet("/{id}", Get)
            .WithName("GetGuidance")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Get one guidance article")
            .WithDescription(
                "One article by id. With force, a force's own version replaces a national article it overrides. " +
                "A withdrawn article answers 410 Gone with the withdrawal notice.");

        return api;
    }

    /// <summary>Where search looks in an article, and how much each place counts.</summary>
    internal static IEnumerable<SearchField> SearchFields(GuidanceArticle article) =>
    [
        new("title", RankedSearch.TitleWeight, article.Title),
        new("summary", RankedSearch.SummaryWeight, article.Summary),
        new("body", RankedSearch.BodyWeight, article.BodyMarkdown),
    ];

    private static Results<Ok<PagedResult<GuidanceResource>>, ValidationProblem> List(
        [AsParameters] GuidanceQuery query, ContentRequests requests, HttpRequest request)
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(query.Topic, query.Audience, query.Age, query.AgeBand, query.Force, query.Locale, query.Q);
        var format = validator.Format(query.Format);
        var (page, pageSize) = validator.Paging(query.Page, query.PageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var items = ContentQuery.Resolve(validator.Snapshot.Guidance, filter);
        var ranked = RankedSearch.Rank(items, filter.Text, e => SearchFields(e.Item), e => e.Item.Locale);
        validator.AnnounceLanguages(ranked.Select(r => r.Item.Item.Locale));
        return TypedResults.Ok(ranked.ToPage(page, pageSize, r => new GuidanceResource(r.Item, validator.Context, format) { Search = r.Match }));
    }

    private static Results<Ok<GuidanceResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description(ParameterDocs.Id)] string id,
        [Description(ParameterDocs.Locale)] string? locale,
        [Description(ParameterDocs.Force)] string? force,
        [Description(ParameterDocs.Format)] string? format,
        ContentRequests requests,
        HttpRequest request)
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(null, null, null, null, force, locale);
        var bodyFormat = validator.Format(format);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var entry = ContentQuery.Find(validator.Snapshot.Guidance, id, filter.Locale, filter.Reviews, filter.Force);
        return ApiResults.Item(validator, entry, "Guidance article", ItemKinds.Guidance, id, e => new GuidanceResource(e, validator.Context, bodyFormat));
    }
}
