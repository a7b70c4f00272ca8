namespace ContentApi.Host.Features.Topics;

internal static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/topics").WithTags("Topics")
            .MapGet("/", List)
            .WithName("ListTopics")
            .WithSummary("List topics")
            .WithDescription("The topics content is grouped under; use their ids in the topic filter.");
        return api;
    }

    private static Results<Ok<IReadOnlyList<TopicResource>>, ValidationProblem> List(
        [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request)
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(null, null, null, null, null, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var topics = ContentQuery.Resolve(validator.Snapshot.Topics, filter);
        validator.AnnounceLanguages(topics);
        return TypedResults.Ok<IReadOnlyList<TopicResource>>(topics.Select(e => new TopicResource(e, validator.Context)).ToList());
    }
}
