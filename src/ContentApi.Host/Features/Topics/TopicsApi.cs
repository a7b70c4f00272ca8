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
        [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request) =>
        requests.All(request, locale, s => s.Topics, (e, query) => new TopicResource(e, query.Context));
}
