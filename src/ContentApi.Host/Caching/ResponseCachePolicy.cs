using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
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
    /// <summary>
    /// Puts every GET endpoint of the group, now and added later, behind <see cref="ContentResponseCache"/>: one
    /// mechanism for all handlers, none of which knows about caching.
    /// </summary>
    public static RouteGroupBuilder CacheResponses(this RouteGroupBuilder group)
    {
        // Finally runs after each endpoint's own conventions, so it sees their markers and the final request delegate.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }

            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{route.DisplayName} has no request delegate to cache.");
            // Responses that describe this instance, or that need authorization, are never shared with other clients.
            var shared = !endpoint.Metadata.OfType<InstanceSpecificResponse>().Any() && !endpoint.Metadata.OfType<IAuthorizeData>().Any();
            var policy = new ResponseCachePolicy(KindOf(route.RoutePattern), shared);
            var cache = endpoint.ApplicationServices.GetRequiredService<ContentResponseCache>();
            endpoint.Metadata.Add(policy);
            // Every cached response carries an ETag, so partners may revalidate: say so in the OpenAPI contract.
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
            endpoint.RequestDelegate = context => cache.ServeAsync(context, inner, policy);
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
