using Microsoft.AspNetCore.Routing.Patterns;

namespace ContentApi.Host.Caching;

/// <summary>
/// Endpoint metadata that puts an endpoint behind <see cref="ContentResponseCache"/>.
/// </summary>
/// <param name="Kind">The resource kind (the first path segment after the version, such as <c>guidance</c>), used as a cache tag.</param>
/// <param name="Shared">
/// True when responses may be stored and shared between clients and instances; false for responses that describe one
/// instance (they still get an ETag and a 304, but are rendered every time and sent with <c>no-cache</c>).
/// </param>
internal sealed record ResponseCachePolicy(string Kind, bool Shared);

internal static class ResponseCachingConventions
{
    /// <summary>Caches every GET endpoint in the group, now and added later, one mechanism for all handlers.</summary>
    public static RouteGroupBuilder CacheResponses(this RouteGroupBuilder group)
    {
        // Finally runs after each endpoint's own conventions, so it sees their InstanceSpecific marker.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route)
            {
                var shared = !endpoint.Metadata.OfType<InstanceSpecificResponse>().Any();
                endpoint.Metadata.Add(new ResponseCachePolicy(KindOf(route.RoutePattern), shared));
            }
        });
        return group;
    }

    /// <summary>Marks an endpoint whose responses describe this instance, so they are never shared through the caches.</summary>
    public static TBuilder DescribesThisInstance<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(InstanceSpecificResponse.Instance);

    /// <summary>The literal segment that follows the <c>{version}</c> segment, or <c>other</c>.</summary>
    internal static string KindOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var isVersion = segments[i].Parts.OfType<RoutePatternParameterPart>().Any(p => p.Name == "version");
            if (isVersion && segments[i + 1].Parts is [RoutePatternLiteralPart literal])
            {
                return literal.Content.ToLowerInvariant();
            }
        }

        return "other";
    }

    private sealed class InstanceSpecificResponse
    {
        public static InstanceSpecificResponse Instance { get; } = new();
    }
}

/// <summary>
/// HEAD for every GET endpoint: routing only knows GET, so a HEAD request is routed as GET, and the body writers skip
/// the body while keeping its Content-Length. Runs before routing (a startup filter).
/// </summary>
internal static class HeadRequests
{
    private sealed class HeadRequestFeature
    {
        public static HeadRequestFeature Instance { get; } = new();
    }

    public static bool IsHead(HttpContext context) => context.Features.Get<HeadRequestFeature>() is not null;

    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
            context.Features.Set(HeadRequestFeature.Instance);
            // Servers decide whether to send a body from the method; give them back the real one before headers go out.
            context.Response.OnStarting(static state =>
            {
                ((HttpContext)state).Request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    });

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseHeadAsGet();
            next(app);
        };
    }
}
