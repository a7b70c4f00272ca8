using System.Net;
using System.Text.Json;

namespace ContentApi.Tests.Infrastructure;

public static class CacheAssertions
{
    public static string CacheStatus(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : string.Empty;

    /// <summary>True when this instance rendered the response rather than serving it from a cache.</summary>
    public static bool WasRendered(this HttpResponseMessage response) => response.CacheStatus().Contains("fwd=", StringComparison.Ordinal);

    /// <summary>The readiness report: HTTP status, overall status and each check's status.</summary>
    public static async Task<(HttpStatusCode Http, string Status, Dictionary<string, string> Checks)> ReadinessAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, body.GetProperty("status").GetString()!, checks);
    }
}
