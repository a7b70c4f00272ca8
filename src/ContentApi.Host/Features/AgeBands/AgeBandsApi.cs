using ContentApi.Host.OpenApi;

namespace ContentApi.Host.Features.AgeBands;

internal static class AgeBandsApi
{
    private const string AdviceDescription =
        "What to talk about, signs to watch for and what to do, for one age band, by topic and audience, with the " +
        "ids of related guidance and contacts. With q, ranked by title, summary and the advice itself.";

    public static RouteGroupBuilder MapAgeBandsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/age-bands").WithTags("Age bands");
        group.MapListAndItem(
                new(List, "ListAgeBands", "List age bands", "The age bands content is written for: 4-7, 8-10, 11-13 and 14-17."),
                new(Get, "GetAgeBand", "Get one age band", "One age band by id (such as 11-13), with its age range, audiences and topics."))
            .ProducesItemProblems();
        group.MapGetOperation("/{id}/advice", new(Advice, "ListAgeBandAdvice", "Advice for an age band", AdviceDescription))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGetOperation("/{id}/advice/{adviceId}", new(AdviceItem, "GetAgeBandAdvice", "Get one piece of age-band advice"))
            .ProducesItemProblems();

        return api;
    }

    private static Results<Ok<IReadOnlyList<AgeBandResource>>, ValidationProblem> List(
        [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request) =>
        requests.All(request, locale, s => s.AgeBands, (e, query) => new AgeBandResource(e, query.Context), bands => bands.OrderBy(e => e.Item.AgeRange?.Min));

    private static Results<Ok<AgeBandResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description(ParameterDocs.Id), ParameterExample("11-13")] string id, [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request) =>
        requests.One(request, id, locale, force: null, ("Age band", BuiltInKinds.AgeBand), s => s.AgeBands, (e, query) => new AgeBandResource(e, query.Context));

    private static Results<Ok<IReadOnlyList<AdviceResource>>, ProblemHttpResult, ValidationProblem> Advice(
        [Description(ParameterDocs.Id), ParameterExample("11-13")] string id,
        [Description(ParameterDocs.Topic)] string? topic,
        [Description(ParameterDocs.Audience), OneOf<Audience>] string? audience,
        [Description(ParameterDocs.Force)] string? force,
        [Description(ParameterDocs.Locale)] string? locale,
        [Description(ParameterDocs.Q), MaxLength(QueryLimits.MaxTextLength, ErrorMessage = RuleMessages.MaxLength)] string? q,
        ContentRequests requests,
        HttpRequest request)
    {
        var validator = requests.Begin(request);
        if (!validator.Snapshot.AgeBands.Any(b => b.Item.Id == id))
        {
            return ApiResults.NotFound("Age band", id);
        }

        var filter = validator.Filter(topic, audience, null, null, force, locale, q);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var advice = ContentQuery.Resolve(validator.Snapshot.Advice, filter).Where(e => e.Item.AgeBandId == id);
        var ranked = validator.Ranked(advice, filter.Text, BuiltInKinds.Advice);
        return TypedResults.Ok<IReadOnlyList<AdviceResource>>(
            ranked.Select(r => new AdviceResource(r.Item, validator.Context) { Search = r.Match }).ToList());
    }

    private static Results<Ok<AdviceResource>, ProblemHttpResult, ValidationProblem> AdviceItem(
        [Description(ParameterDocs.Id), ParameterExample("11-13")] string id,
        [Description("The advice item's stable id."), ParameterExample("11-13-sextortion-parents-carers")] string adviceId,
        [Description(ParameterDocs.Locale)] string? locale,
        [Description(ParameterDocs.Force)] string? force,
        ContentRequests requests,
        HttpRequest request) =>
        requests.One(
            request, adviceId, locale, force, ("Advice", BuiltInKinds.Advice), s => s.Advice, (e, query) => new AdviceResource(e, query.Context),
            belongs: e => e.Item.AgeBandId == id);
}
