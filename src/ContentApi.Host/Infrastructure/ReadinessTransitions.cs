using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// Logs readiness when a check changes state, not on every probe: a load balancer probes every few seconds, so while
/// Redis is down logging each Degraded probe wrote thousands of identical warnings. The framework's own per-probe log
/// lines are switched off (<see cref="HealthChecks.AddContentHealthChecks"/>); this is the one place readiness is logged.
/// </summary>
internal sealed partial class ReadinessTransitions(ILogger<ReadinessTransitions> logger)
{
    private readonly Dictionary<string, HealthStatus> _lastSeen = new(StringComparer.Ordinal);

    public void Observe(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            if (!ChangedTo(name, entry.Status))
            {
                continue;
            }

            var reason = Detail(entry) ?? entry.Description ?? string.Empty;
            if (entry.Status == HealthStatus.Healthy)
            {
                LogHealthy(name, reason);
            }
            else
            {
                LogNotHealthy(entry.Exception, name, entry.Status, reason);
            }
        }
    }

    /// <summary>The detail a check keeps for operators (addresses, timings), beside its public description.</summary>
    public static string? Detail(HealthReportEntry entry) =>
        entry.Data.TryGetValue(HealthChecks.DetailKey, out var detail) ? detail as string : entry.Exception?.Message;

    private bool ChangedTo(string name, HealthStatus status)
    {
        lock (_lastSeen)
        {
            // A check first seen healthy is the normal start, not news; first seen otherwise, it is.
            var previous = _lastSeen.TryGetValue(name, out var seen) ? seen : HealthStatus.Healthy;
            _lastSeen[name] = status;
            return previous != status;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness: {Check} is Healthy again: {Reason}")]
    private partial void LogHealthy(string check, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: {Check} is now {Status}: {Reason}")]
    private partial void LogNotHealthy(Exception? exception, string check, HealthStatus status, string reason);
}
