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
            .WithDescription("Guidance for parents and carers, young people and professionals. Filters combine; paged.");

        group.MapGet("/{id}", Get)
            .WithName("GetGuidance")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one guidance article")
            .WithDescription("One article by id. With force, a force's own version replaces a national article it overrides.");

        return api;
    }

    internal static IEnumerable<string?> SearchableText(GuidanceArticle article) => [article.Title, article.Summary, article.BodyMarkdown];

    private static Results<Ok<PagedResult<GuidanceResource>>, ValidationProblem> List([AsParameters] GuidanceQuery query, ContentStore store)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(query.Topic, query.Audience, query.Age, query.AgeBand, query.Force, query.Locale, query.Q);
        var (page, pageSize) = validator.Paging(query.Page, query.PageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var items = ContentQuery.Resolve(snapshot.Guidance, filter, SearchableText);
        return TypedResults.Ok(items.ToPage(page, pageSize, e => new GuidanceResource(e)));
    }

    private static Results<Ok<GuidanceResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description(ParameterDocs.Id)] string id, [Description(ParameterDocs.Locale)] string? locale, [Description(ParameterDocs.Force)] string? force, ContentStore store)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(null, null, null, null, force, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return ContentQuery.Find(snapshot.Guidance, id, filter.Locale, filter.Force) is { } entry
            ? TypedResults.Ok(new GuidanceResource(entry))
            : ApiResults.NotFound("Guidance article", id);
    }
}
