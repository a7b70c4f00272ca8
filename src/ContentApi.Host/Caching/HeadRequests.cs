namespace ContentApi.Host.Caching;

/// <summary>
/// HEAD for every GET endpoint: routing only knows GET, so a HEAD request is routed as GET, and the response writers
/// send the headers (with the body's Content-Length) but no body. Runs before routing (see the edge pipeline).
/// </summary>
internal static class HeadRequests
{
    private sealed class HeadRequestFeature
    {
        public static HeadRequestFeature Instance { get; } = new();
    }

    public static bool IsHead(HttpContext context) => context.Features.Get<HeadRequestFeature>() is not null;

    public static void RouteAsGet(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        context.Request.Method = HttpMethods.Get;
        context.Features.Set(HeadRequestFeature.Instance);
        // Servers decide whether to send a body from the method; give them back the real one before headers go out.
        context.Response.OnStarting(static state =>
        {
            ((HttpContext)state).Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        }, context);
    }

    /// <summary>Routes HEAD as GET; first in the edge pipeline, before routing.</summary>
    public static Task RouteAsGet(HttpContext context, RequestDelegate next)
    {
        RouteAsGet(context);
        return next(context);
    }
}
