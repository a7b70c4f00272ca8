using ContentApi.Host.OpenApi;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// Everything between the network and the endpoints, in one place: the services the edge needs, and the middleware in
/// the order it runs. Each line adds one middleware; none hides another inside it, and no startup filter adds any.
/// </summary>
internal static class EdgePipeline
{
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder) => builder
        .AddTrustedProxies()
        .AddProblemHandling()
        .AddRequestLimits()
        .AddPartnerCors()
        .AddApiKeySecurity()
        .AddClientRateLimiting();

    public static WebApplication UseEdgePipeline(this WebApplication app)
    {
        app.Use(HeadRequests.RouteAsGet);        // HEAD is answered by the GET endpoint, so it must look like GET to routing
        app.UseRouting();                        // from here on every middleware sees the endpoint and its metadata
        app.UseForwardedHeaders();               // the client's address and scheme, believed only from trusted proxies
        app.UseRequestIds();                     // X-Request-Id on every response and log line
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();                // nosniff, no referrer, content security policy
        app.UseExceptionHandler();               // any failure below becomes an RFC 9457 problem
        app.UseStatusCodePages(ProblemHandling.WriteStatusCodeProblemAsync); // so does a bodiless 404
        app.UseRequestLimits();                  // header, query string and body sizes (admin bodies may be larger)
        app.UseRequestTimeouts();                // a 504 problem for a request that takes too long
        app.UseCors();                           // partner origins; admin endpoints are never offered to browsers
        app.UseAuthentication();                 // who the X-Api-Key belongs to
        app.UseRateLimiter();                    // quotas per key or per address
        app.UseRateLimitHeaders();               // RateLimit-* on every limited response
        app.UseKeyInUrlRefusal();                // a key in the URL is refused (it would leak into logs), after the limiter counted it
        app.UseInvalidKeyRefusal();              // a wrong key is refused after the limiter, so guessing costs quota
        app.UseAuthorization();                  // admin endpoints need an admin key
        app.UseWholeRequestBodies();             // bodies read whole before binding, so shutdown drains them cleanly
        app.UseSwaggerUiAccessibility();         // our stylesheet and script for Swagger UI at /swagger
        app.UseContentSwaggerUi();               // Swagger UI's own files at /swagger
        return app;
    }
}
