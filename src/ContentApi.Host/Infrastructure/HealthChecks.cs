using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: content is loaded; Degraded (still 200) names any
/// faulted plugin, because the other plugins still serve.
/// </summary>
internal static class HealthChecks
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddContentHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<PluginsHealthCheck>("plugins", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        // Probes come from load balancers and orchestrators every few seconds: never rate limited.
        health.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithDisplayName("Liveness")
            .DisableRateLimiting();
        health.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithDisplayName("Readiness")
            .DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = Describe(context, e.Value) }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }

    // A failing check's exception text can name servers and connection details (Redis): only Development shows it.
    private static string? Describe(HttpContext context, HealthReportEntry entry) =>
        entry.Exception is null || context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? entry.Description
            : "The check failed; the reason is in the logs.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed class PluginsHealthCheck(ContentStore store, IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // Not ready once shutdown has begun, so a load balancer stops sending new requests while in-flight ones finish.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Shutting down."));
            }

            var snapshot = store.Current;
            if (!snapshot.IsLoaded)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Plugins are still loading."));
            }

            var faulted = snapshot.Plugins.Where(p => p.Report.Status == PluginStatus.Faulted).Select(p => p.Report.Id).ToList();
            var serving = snapshot.Plugins.Count - faulted.Count;
            return Task.FromResult(faulted.Count == 0
                ? HealthCheckResult.Healthy($"{serving} plugins loaded.")
                : HealthCheckResult.Degraded($"{serving} plugins loaded; faulted: {string.Join(", ", faulted)}."));
        }
    }
}
