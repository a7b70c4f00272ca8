namespace ContentApi.Host.Infrastructure;

/// <summary>How long in-flight requests may take to finish once the host is told to stop, bound from <c>Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// On SIGTERM the server stops accepting connections, readiness turns Unhealthy, and requests already running get
    /// this long to finish. Keep it below the orchestrator's grace period (docker-compose <c>stop_grace_period</c>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}

internal static class GracefulShutdown
{
    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName);
        builder.Services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<ShutdownOptions>>(
            (host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        return builder;
    }
}
