using System.Net;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ContentApi.Tests.Security;

/// <summary>
/// Readiness is public (load balancers call it without a key): it says Healthy, Degraded or Unhealthy and which check,
/// never where a dependency lives; an admin key also gets the detail. It logs each change of state once, however often
/// it is probed.
/// </summary>
public sealed class ReadinessDisclosureTests
{
    [Fact]
    public async Task The_public_sees_the_state_and_the_dependency_never_its_address_and_each_change_is_logged_once()
    {
        await using var host = await TestHost.Start(o => o.WithRedis());
        var port = host.Redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var healthy = await ReadAsync(host.Client, admin: false);
        Assert.Contains("\"redis\":{\"status\":\"Healthy\"", healthy, StringComparison.Ordinal);
        Assert.DoesNotContain(port, healthy, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", healthy, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", await ReadAsync(host.Client, admin: true), StringComparison.Ordinal);

        host.Redis.Kill();
        await Poll.UntilAsync(async () => (await host.Client.ReadinessAsync()).Checks["redis"] == "Degraded", "readiness to report redis Degraded");
        for (var probe = 0; probe < 40; probe++)
        {
            var degraded = await ReadAsync(host.Client, admin: false);
            Assert.Contains("\"status\":\"Degraded\"", degraded, StringComparison.Ordinal);
            Assert.DoesNotContain(port, degraded, StringComparison.Ordinal);
            Assert.DoesNotContain("detail", degraded, StringComparison.Ordinal);
        }

        Assert.Contains($"127.0.0.1:{port}", await ReadAsync(host.Client, admin: true), StringComparison.Ordinal);
        var readinessWarnings = host.Logs.Entries
            .Where(e => e.Level >= LogLevel.Warning && (e.Message.StartsWith("Readiness:", StringComparison.Ordinal) || e.Category.Contains("HealthCheck", StringComparison.Ordinal)))
            .Select(e => e.Message)
            .ToList();
        // Killed, Redis first reads as "did not answer" or "unreachable": both are Degraded, so one change of state.
        var warning = Assert.Single(readinessWarnings);
        Assert.StartsWith($"Readiness: redis is now Degraded: Redis at 127.0.0.1:{port} ", warning, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(HttpClient client, bool admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        if (admin)
        {
            request.WithKey(TestKeys.Admin);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
