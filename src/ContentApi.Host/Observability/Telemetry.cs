using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContentApi.Host.Observability;

/// <summary>Where metrics are served and who may read them, bound from <c>Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>The Prometheus scrape path.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// Networks (CIDR) whose scrapers may read metrics without a key. Empty means loopback only. Anyone else needs an
    /// admin API key in <c>X-Api-Key</c>. Metrics name plugins and routes: not for the public.
    /// </summary>
    public List<string> MetricsAllowedNetworks { get; set; } = [];

    internal IReadOnlyList<System.Net.IPNetwork> ScraperNetworks() =>
        MetricsAllowedNetworks.Count == 0
            ? [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")]
            : MetricsAllowedNetworks.Select(System.Net.IPNetwork.Parse).ToList();
}

/// <summary>
/// OpenTelemetry metrics always (ASP.NET Core, HttpClient, runtime and the API's own), served as Prometheus text at
/// <see cref="ObservabilityOptions.MetricsPath"/>. The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable (with the
/// other <c>OTEL_*</c> variables) switches on OTLP export of metrics, logs and traces; traces are recorded only then,
/// and Redis commands are traced whenever an <c>IConnectionMultiplexer</c> is registered as a service.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "safeguarding-content-api";
    public const string MetricsPolicy = "metrics-scraper";

    public static WebApplicationBuilder AddContentTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var scrapers = options.ScraperNetworks();
        builder.Services.AddSingleton<ContentApiMetrics>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName,
                serviceVersion: typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ContentApiMetrics.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Traces have nowhere to go without an exporter; recording them anyway cost every request time.
            telemetry.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, options))
                    .AddHttpClientInstrumentation()
                    .AddRedisInstrumentation())
                .UseOtlpExporter();
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(ApiKeyRoles.Admin) ||
            (context.Resource is HttpContext http && ClientAddress.IsIn(http.Connection.RemoteIpAddress, scrapers))));
        return builder;
    }

    /// <summary>The Prometheus endpoint: for the scrapers' network or an admin key, never rate limited, not in OpenAPI.</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        var path = app.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>()?.MetricsPath ?? new ObservabilityOptions().MetricsPath;
        app.MapPrometheusScrapingEndpoint(path)
            .RequireAuthorization(MetricsPolicy)
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }

    private static bool IsProbe(PathString path, ObservabilityOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.MetricsPath);
}
