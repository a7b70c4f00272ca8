using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// One API instance for the caching tests: the real host with the given settings (a Redis connection, a plugins
/// folder, upstream addresses), its log lines kept so a test can check what was reported, and helpers to read the
/// cache headers. Two of them pointed at one Redis behave like two instances behind a load balancer.
/// </summary>
public sealed class CachingHost : ContentApiFactory
{
    private readonly LogCapture _logs = new();

    private CachingHost(IDictionary<string, string?> settings)
        : base(settings)
    {
    }

    public static (CachingHost Host, HttpClient Client) Start(IDictionary<string, string?> settings)
    {
        var host = new CachingHost(TestKeys.Settings(settings));
        return (host, host.CreateClient());
    }

    public static Dictionary<string, string?> WithRedis(RedisServer redis, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public IReadOnlyList<string> LogLines => _logs.Lines.ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}

public static class CacheAssertions
{
    public static string CacheStatus(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : string.Empty;

    public static bool WasRendered(this HttpResponseMessage response) => response.CacheStatus().Contains("fwd=", StringComparison.Ordinal);

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> after a generous timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeoutSeconds} s waiting until {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The readiness report: HTTP status, overall status and each check's status.</summary>
    public static async Task<(HttpStatusCode Http, string Status, Dictionary<string, string> Checks)> ReadinessAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, body.GetProperty("status").GetString()!, checks);
    }
}
