using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// One API instance for the caching tests: the real host with the given settings (a Redis connection, upstream
/// addresses) and the test keys, its logs collected. Two of them pointed at one Redis behave like two instances behind
/// a load balancer.
/// </summary>
public sealed class CachingHost : IAsyncDisposable, IDisposable
{
    private CachingHost(IDictionary<string, string?> settings)
    {
        Factory = ContentApiFactory.Create(TestKeys.Settings(settings)).WithLogs(Logs);
        Client = Factory.CreateClient();
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public LogCollector Logs { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public static CachingHost Start(IDictionary<string, string?>? settings = null) => new(settings ?? new Dictionary<string, string?>());

    public static Dictionary<string, string?> WithRedis(RedisServer redis, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public bool Logged(string text) => Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}

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
