using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ContentApi.Host.Caching;

/// <summary>
/// The one Redis connection shared by the second-level cache and the backplane. It is configured so that an outage
/// never stalls a request: no abort on a failed connect (the API starts without Redis and reconnects by itself), short
/// connect and command timeouts, and commands fail at once instead of queueing while disconnected.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions? _configuration;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public RedisConnection(IConfiguration configuration, IOptions<CachingOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var connectionString = configuration.GetConnectionString(CachingOptions.RedisConnectionStringName);
        _configuration = string.IsNullOrWhiteSpace(connectionString) ? null : Configure(connectionString, options.Value.Redis);
        _connection = new Lazy<Task<IConnectionMultiplexer>>(ConnectAsync);
    }

    /// <summary>False when <c>ConnectionStrings:Redis</c> is not set: every instance then caches in its own memory only.</summary>
    public bool IsConfigured => _configuration is not null;

    /// <summary>Where Redis is, for logs and health reports (never the password).</summary>
    public string Endpoints => _configuration is null ? "none" : string.Join(", ", _configuration.EndPoints.Select(e => e.ToString()));

    public TimeSpan CommandTimeout => TimeSpan.FromMilliseconds(_configuration?.AsyncTimeout ?? 0);

    /// <summary>
    /// The shared multiplexer. The first call connects (bounded by the connect timeout); when Redis is down the
    /// multiplexer is returned anyway and keeps reconnecting in the background.
    /// </summary>
    public Task<IConnectionMultiplexer> GetAsync() =>
        _configuration is null ? throw new InvalidOperationException("Redis is not configured.") : _connection.Value;

    /// <summary>
    /// The connection string's options, with an outage made cheap: never abort on a failed connect, never queue commands
    /// while disconnected, and the configured timeouts unless the connection string sets its own.
    /// </summary>
    public static ConfigurationOptions Configure(string connectionString, RedisClientOptions options)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        bool Sets(string option) => connectionString.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        if (!Sets("connectTimeout"))
        {
            configuration.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        }

        if (!Sets("syncTimeout"))
        {
            configuration.SyncTimeout = (int)options.CommandTimeout.TotalMilliseconds;
        }

        if (!Sets("asyncTimeout"))
        {
            configuration.AsyncTimeout = (int)options.CommandTimeout.TotalMilliseconds;
        }

        if (!Sets("connectRetry"))
        {
            configuration.ConnectRetry = 1;
        }

        configuration.ReconnectRetryPolicy ??= new LinearRetry((int)options.ConnectTimeout.TotalMilliseconds);
        configuration.ClientName ??= "content-api";
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            var multiplexer = await _connection.Value.ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration!).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(e.EndPoint?.ToString() ?? Endpoints, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => LogConnectionRestored(e.EndPoint?.ToString() ?? Endpoints);
        if (multiplexer.IsConnected)
        {
            LogConnected(Endpoints);
        }
        else
        {
            LogUnreachable(Endpoints);
        }

        return multiplexer;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache: memory (L1) on this instance, Redis (L2) at {Endpoints}: connected")]
    private partial void LogConnected(string endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache: Redis at {Endpoints} is not reachable; serving from memory and reconnecting in the background")]
    private partial void LogUnreachable(string endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache: lost the Redis connection to {Endpoint} ({FailureType}); serving from memory until it returns")]
    private partial void LogConnectionFailed(string endpoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache: Redis connection to {Endpoint} restored")]
    private partial void LogConnectionRestored(string endpoint);
}

/// <summary>
/// Readiness: Redis down is Degraded, never Unhealthy, because every instance keeps serving from memory and plugins.
/// The description is public, so the address and timings go in the detail only operators see.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis is not configured: this instance caches in memory only.");
        }

        var multiplexer = await redis.GetAsync().ConfigureAwait(false);
        if (!multiplexer.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis is unreachable: serving from memory and reconnecting.", data: Detail("is unreachable"));
        }

        try
        {
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(redis.CommandTimeout * 2, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.", Detail($"answered in {latency.TotalMilliseconds:0.0} ms"));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis did not answer: serving from memory.", data: Detail($"did not answer ({ex.GetType().Name})"));
        }
    }

    private Dictionary<string, object> Detail(string what) =>
        new() { [HealthChecks.DetailKey] = $"Redis at {redis.Endpoints} {what}." };
}
