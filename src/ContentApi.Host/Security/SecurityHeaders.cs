namespace ContentApi.Host.Security;

/// <summary>
/// Headers on every response. The API's JSON must never be sniffed into HTML, framed, or allowed to load anything;
/// Swagger UI is the one page meant for a browser, and it may load only its own same-origin scripts, styles, images
/// and the contract documents, and may not be framed either.
/// </summary>
internal static class SecurityHeaders
{
    public const string SwaggerUiPrefix = "/swagger";

    /// <summary>For API responses: nothing may load, nothing may frame them.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// For Swagger UI: its own files only. data: images are the icons its stylesheet embeds. The one inline style
    /// allowed, by its hash, is the &lt;style&gt; inside the logo SVG that swagger-ui-bundle.js renders in the top bar;
    /// a new Swagger UI that changes it fails SwaggerUiBrowserTests, which names the new hash.
    /// </summary>
    public const string SwaggerUiContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' " + SwaggerUiLogoStyleHash + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>SHA-256 of <c>.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}</c> (Swagger UI 5.31).</summary>
    private const string SwaggerUiLogoStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    /// <summary>For a page of our own with its files beside it (the widget's demo): its own origin only, nothing inline.</summary>
    public const string OwnFilesContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Gives an endpoint's responses a policy of their own instead of the API's.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PageContentSecurityPolicy(policy));

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // OnStarting, so the headers survive the exception handler clearing the response.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = http.GetEndpoint()?.Metadata.GetMetadata<PageContentSecurityPolicy>()?.Policy
                    ?? (http.Request.Path.StartsWithSegments(SwaggerUiPrefix) ? SwaggerUiContentSecurityPolicy : ApiContentSecurityPolicy);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}

/// <summary>Endpoint metadata: the Content-Security-Policy its responses carry.</summary>
internal sealed record PageContentSecurityPolicy(string Policy);
