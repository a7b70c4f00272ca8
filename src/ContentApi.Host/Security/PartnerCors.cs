using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Host.Security;

/// <summary>Which browser origins may call the API, bound from <c>Cors</c>.</summary>
public sealed class PartnerCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Partner site origins (scheme, host and port, e.g. <c>https://www.example.police.uk</c>), which may send API keys.</summary>
    public List<string> PartnerOrigins { get; set; } = [];

    /// <summary>Also let any other origin read the API anonymously (<c>Access-Control-Allow-Origin: *</c>, no API key header).</summary>
    public bool AllowAnyOriginAnonymously { get; set; }

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// CORS for partner websites. A partner origin gets its origin echoed and may send <c>X-Api-Key</c>; any other origin
/// gets no CORS headers at all, unless anonymous wildcard access is switched on, and then only for anonymous reads.
/// Admin endpoints are never offered to browsers. No credentials (cookies) are ever allowed: the API does not use them.
/// </summary>
internal static class PartnerCors
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    private static readonly string[] ExposedHeaders =
    [
        ClientRateLimiting.LimitHeader, ClientRateLimiting.RemainingHeader, ClientRateLimiting.ResetHeader, "Retry-After",
        RequestIds.HeaderName, "api-supported-versions", "api-deprecated-versions", "Deprecation", "Sunset", "Link",
    ];

    public static WebApplicationBuilder AddPartnerCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PartnerCorsOptions>()
            .BindConfiguration(PartnerCorsOptions.SectionName)
            .Validate(o => o.PartnerOrigins.All(IsOrigin), "Cors:PartnerOrigins must be origins such as https://www.example.org (scheme, host and optional port; no path).")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddSingleton<ICorsPolicyProvider, PartnerCorsPolicyProvider>();
        return builder;
    }

    /// <summary>
    /// Lets any origin read the endpoint anonymously whatever the settings: the widget's script and the public reads it
    /// makes, which partner pages on any origin load (a module script is always fetched with CORS).
    /// </summary>
    public static TBuilder OpenToAnyOrigin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AnyOriginMayRead.Instance);

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" &&
        uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !value.EndsWith('/');

    private sealed class PartnerCorsPolicyProvider(IOptionsMonitor<PartnerCorsOptions> options, AdminEndpoints admin) : ICorsPolicyProvider
    {
        public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        {
            var settings = options.CurrentValue;
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length == 0 || admin.IsAdmin(context))
            {
                return Task.FromResult<CorsPolicy?>(null);
            }

            // The answer depends on the origin (echoed, *, or nothing), so shared caches must key on it.
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);

            if (settings.PartnerOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                return Task.FromResult<CorsPolicy?>(Policy(settings, origin, ApiKeyAuthenticationHandler.HeaderName, RequestIds.HeaderName));
            }

            var openToAll = settings.AllowAnyOriginAnonymously || context.GetEndpoint()?.Metadata.GetMetadata<AnyOriginMayRead>() is not null;
            return Task.FromResult(openToAll ? Policy(settings, null, RequestIds.HeaderName) : null);
        }

        private static CorsPolicy Policy(PartnerCorsOptions settings, string? origin, params string[] requestHeaders)
        {
            var policy = new CorsPolicyBuilder()
                .WithMethods(Methods)
                .WithHeaders(requestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(settings.PreflightMaxAge);
            return (origin is null ? policy.AllowAnyOrigin() : policy.WithOrigins(origin)).Build();
        }
    }
}

/// <summary>Endpoint metadata: any origin may read it anonymously (see <see cref="PartnerCors.OpenToAnyOrigin"/>).</summary>
internal sealed class AnyOriginMayRead
{
    public static readonly AnyOriginMayRead Instance = new();
}
