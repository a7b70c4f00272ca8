using System.ComponentModel;
using ContentApi.Abstractions;
using ContentApi.Host.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentApi.Host.Api;

internal static class AgeBandsApi
{
    public static RouteGroupBuilder MapAgeBandsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/age-bands").WithTags("Age bands");

        group.MapGet("/", List)
            .WithName("ListAgeBands")
            .WithSummary("List age bands")
            .WithDescription("The age bands content is written for: 4-7, 8-10, 11-13 and 14-17.");

        group.MapGet("/{id}", Get)
            .WithName("GetAgeBand")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one age band")
            .WithDescription("One age band by id (such as 11-13), with its age range, audiences and topics.");

        group.MapGet("/{id}/advice", Advice)
            .WithName("ListAgeBandAdvice")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Advice for an age band")
            .WithDescription("What to talk about, signs to watch for and what to do, for one age band, by topic and audience.");

        return api;
    }

    private static Results<Ok<IReadOnlyList<AgeBandResource>>, ValidationProblem> List(
        [Description(ParameterDocs.Locale)] string? locale, ContentStore store)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(null, null, null, null, null, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        IReadOnlyList<AgeBandResource> bands = ContentQuery.Resolve(snapshot.AgeBands, filter)
            .OrderBy(e => e.Item.AgeRange?.Min)
            .Select(e => new AgeBandResource(e))
            .ToList();
        return TypedResults.Ok(bands);
    }

    private static Results<Ok<AgeBandResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description(ParameterDocs.Id)] string id, [Description(ParameterDocs.Locale)] string? locale, ContentStore store)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(null, null, null, null, null, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return ContentQuery.Find(snapshot.AgeBands, id, filter.Locale) is { } entry
            ? TypedResults.Ok(new AgeBandResource(entry))
            : ApiResults.NotFound("Age band", id);
    }

    private static Results<Ok<IReadOnlyList<AdviceResource>>, ProblemHttpResult, ValidationProblem> Advice(
        [Description(ParameterDocs.Id)] string id,
        [Description(ParameterDocs.Topic)] string? topic,
        [Description(ParameterDocs.Audience)] string? audience,
        [Description(ParameterDocs.Force)] string? force,
        [Description(ParameterDocs.Locale)] string? locale,
        ContentStore store)
    {
        var snapshot = store.Current;
        if (!snapshot.AgeBands.Any(b => b.Item.Id == id))
        {
            return ApiResults.NotFound("Age band", id);
        }

        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(topic, audience, null, null, force, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        IReadOnlyList<AdviceResource> advice = ContentQuery.Resolve(snapshot.Advice, filter)
            .Where(e => e.Item.AgeBandId == id)
            .Select(e => new AdviceResource(e))
            .ToList();
        return TypedResults.Ok(advice);
    }
}
