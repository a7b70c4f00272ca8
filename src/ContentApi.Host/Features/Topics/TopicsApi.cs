namespace ContentApi.Host.Features.Topics;

internal static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        const string description = "The topics content is grouped under; use their ids in the topic filter.";
        api.MapGroup("/topics").WithTags("Topics").MapGetOperation("/", new(List, "ListTopics", "List topics", description));
        return api;
    }

    private static Results<Ok<IReadOnlyList<TopicResource>>, ValidationProblem> List(
        [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request) =>
        requests.All(request, locale, s => s.Topics, (e, query) => new TopicResource(e, query.Context));
}
