namespace ContentApi.Host.Security;

/// <summary>
/// Admin endpoints are marked by metadata (<see cref="RequireAdmin{TBuilder}"/>), so the edge (CORS, body limits) knows
/// them without knowing where the features put them.
/// </summary>
internal sealed class AdminEndpoints(EndpointDataSource endpoints)
{
    /// <summary>The marker an admin endpoint carries.</summary>
    private sealed class AdminMetadata;

    private static readonly AdminMetadata Marker = new();

    // A CORS preflight, or a POST to a GET-only admin route, matches no endpoint; it is still aimed at an admin route,
    // so the paths of every marked endpoint are known too (read once, when the first request arrives and all are mapped).
    private readonly Lazy<HashSet<string>> _paths = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<AdminMetadata>() is not null)
        .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Admin key only, never cached, absent from the public OpenAPI documents, never offered to browsers.</summary>
    public static TBuilder RequireAdmin<TBuilder>(TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker).RequireAuthorization(SecuritySetup.AdminPolicy);

    public bool IsAdmin(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AdminMetadata>() is not null
        || _paths.Value.Contains(context.Request.Path.Value?.TrimEnd('/') ?? string.Empty);
}
