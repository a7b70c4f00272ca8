using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: content is loaded; Degraded (still 200) names any
/// faulted plugin or dependency, because the rest still serves. The public sees each check's status and a description
/// that never holds an address; an admin key (or Development) also sees each check's detail (addresses, timings, the
/// exception's message).
/// </summary>
internal static class HealthChecks
{
    public const string ReadyTag = "ready";

    /// <summary>The <see cref="HealthCheckResult.Data"/> entry holding what only operators may read.</summary>
    public const string DetailKey = "detail";

    public static WebApplicationBuilder AddContentHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<PluginsHealthCheck>("plugins", tags: [ReadyTag]);
        builder.Services.AddSingleton<ReadinessTransitions>();
        // The framework logs every probe of a Degraded check as a warning (and Unhealthy as an error): thousands a day
        // from one load balancer. ReadinessTransitions logs each change of state instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.None);
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
        context.RequestServices.GetRequiredService<ReadinessTransitions>().Observe(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var forOperators = MaySeeDetail(context);
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = Describe(e.Value),
                    detail = forOperators ? ReadinessTransitions.Detail(e.Value) : null,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }

    // Addresses and exception text (which can name servers and connection details) are for operators only.
    private static bool MaySeeDetail(HttpContext context) =>
        context.User.IsInRole(ApiKeyRoles.Admin) || context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();

    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is null ? entry.Description : "The check failed; the reason is in the logs.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

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

            // Refused content is degraded too (an item, or a whole reload kept at its last good content): an operator
            // must see that what the authors last wrote is not what is served.
            var faulted = snapshot.Plugins.Where(p => p.Report.Status == PluginStatus.Faulted).Select(p => p.Report.Id).ToList();
            var refused = snapshot.Plugins.Where(p => p.Report.Status != PluginStatus.Faulted && p.Report.HasErrors).Select(p => p.Report.Id).ToList();
            var serving = snapshot.Plugins.Count - faulted.Count;
            var unwell = (faulted.Count == 0 ? string.Empty : $"; faulted: {string.Join(", ", faulted)}") +
                (refused.Count == 0 ? string.Empty : $"; content refused: {string.Join(", ", refused)}");
            return Task.FromResult(unwell.Length == 0
                ? HealthCheckResult.Healthy($"{serving} plugins loaded.")
                : HealthCheckResult.Degraded($"{serving} plugins loaded{unwell}."));
        }
    }
}
