using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace ContentApi.Host.Caching;

/// <summary>
/// Two cache levels through FusionCache: memory on each instance (L1) and, when <c>ConnectionStrings:Redis</c> is set,
/// Redis shared by all instances (L2, through Microsoft.Extensions.Caching.StackExchangeRedis) with a Redis backplane
/// that carries invalidations to every instance's memory. Without Redis the API runs on memory alone.
/// </summary>
internal static partial class CachingSetup
{
    /// <summary>What an entry read from Redis is assumed to weigh in memory until this instance renders it itself.</summary>
    private const long AssumedEntryBytes = 16 * 1024;

    public static WebApplicationBuilder AddContentCaching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.SectionName)
            .Validate(o => o.Edge.IsValid, "Caching:Edge:PurgeTargets must be absolute http or https URLs, and Caching:Edge:Timeout and RetryFor positive.")
            .ValidateOnStart();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ContentFingerprints>();
        services.AddSingleton<RemoteSourceRateLimiter>();
        services.AddTransient<RemoteSourceCacheHandler>();
        services.AddTransient<RemoteSourceRateLimitHandler>();
        services.AddSingleton<ContentResponseCache>();
        services.AddSingleton<EdgeCachePurger>();
        // Its own client: a purge must not be retried by a resilience handler (the purger retries it) nor follow redirects.
        services.AddHttpClient(EdgeCachePurger.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<SharedCacheEvents>();
        services.AddHostedService(provider => provider.GetRequiredService<SharedCacheEvents>());
        services.AddHostedService<CacheStartup>();
        // The cache goes outside the plugin client's resilience handler (cached answers need no retries or circuit
        // breaker); the rate limit goes inside it, so retries are counted too.
        services.AddHttpClient(PluginLoader.HttpClientName).ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            handlers.Insert(0, provider.GetRequiredService<RemoteSourceCacheHandler>());
            handlers.Add(provider.GetRequiredService<RemoteSourceRateLimitHandler>());
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [HealthChecks.ReadyTag]);

        var cache = services.AddFusionCache()
            .WithOptions((provider, fusion) => Configure(fusion, provider.GetRequiredService<IOptions<CachingOptions>>().Value))
            .WithMemoryCache(provider => new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = provider.GetRequiredService<IOptions<CachingOptions>>().Value.MemoryLimitBytes,
            }))
            .WithMemoryLocker(new InFlightMemoryLocker())
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = true }));

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(CachingOptions.RedisConnectionStringName)))
        {
            // Registered so OpenTelemetry traces the cache's Redis commands; connecting is bounded by the connect timeout.
            services.AddSingleton<IConnectionMultiplexer>(provider => provider.GetRequiredService<RedisConnection>().GetAsync().GetAwaiter().GetResult());
            // Replaces the single-instance default: an admin's reload reaches every instance.
            services.AddSingleton<IContentReloadBroadcaster>(provider => provider.GetRequiredService<SharedCacheEvents>());
            cache
                .WithDistributedCache(provider => new RedisCache(Options.Create(new RedisCacheOptions
                {
                    InstanceName = provider.GetRequiredService<IOptions<CachingOptions>>().Value.KeyPrefix,
                    ConnectionMultiplexerFactory = provider.GetRequiredService<RedisConnection>().GetAsync,
                })))
                .WithBackplane(provider => new RedisBackplane(
                    Options.Create(new RedisBackplaneOptions { ConnectionMultiplexerFactory = provider.GetRequiredService<RedisConnection>().GetAsync }),
                    provider.GetRequiredService<ILogger<RedisBackplane>>()));
        }

        return builder;
    }

    /// <summary>
    /// Rendered responses: never served stale (a render is cheap and local), never rendered in the background (the
    /// render runs the request's own pipeline), and written to Redis in the background so no response waits for it.
    /// </summary>
    public static FusionCacheEntryOptions ResponseEntryOptions(CachingOptions options)
    {
        var entry = RedisNeverInTheWay(options.ResponseDuration, options.Redis.ReadBudgetOrCommandTimeout);
        entry.IsFailSafeEnabled = false;
        entry.AllowBackgroundDistributedCacheOperations = true;
        entry.AllowBackgroundBackplaneOperations = true;
        return entry;
    }

    /// <summary>
    /// Remote sources: fresh for <see cref="RemoteSourceOptions.Duration"/>, then refetched; the last good copy is kept
    /// for <see cref="RemoteSourceOptions.StaleIfErrorFor"/> and served when the source fails or is slower than
    /// <see cref="RemoteSourceOptions.SlowSourceTimeout"/> (the fetch then finishes in the background). Written to
    /// Redis before the load goes on, so the next instance finds it.
    /// </summary>
    public static FusionCacheEntryOptions RemoteSourceEntryOptions(CachingOptions options)
    {
        // Bounded by the command timeout, not the read budget: plugins load off the request path, and the last good
        // copy must reach Redis for stale-if-error on the other instances to hold.
        var entry = RedisNeverInTheWay(options.RemoteSources.Duration, options.Redis.CommandTimeout);
        entry.IsFailSafeEnabled = true;
        entry.FailSafeMaxDuration = options.RemoteSources.StaleIfErrorFor;
        entry.FailSafeThrottleDuration = TimeSpan.FromSeconds(30);
        entry.FactorySoftTimeout = options.RemoteSources.SlowSourceTimeout;
        entry.FactoryHardTimeout = options.RemoteSources.Timeout;
        entry.AllowTimedOutFactoryBackgroundCompletion = true;
        entry.AllowBackgroundDistributedCacheOperations = false;
        return entry;
    }

    /// <summary>What every entry shares: Redis bounded by a time limit, and its failures never thrown at a caller.</summary>
    private static FusionCacheEntryOptions RedisNeverInTheWay(TimeSpan duration, TimeSpan redisTimeLimit) => new()
    {
        Duration = duration,
        Size = AssumedEntryBytes,
        DistributedCacheHardTimeout = redisTimeLimit,
        ReThrowDistributedCacheExceptions = false,
        ReThrowBackplaneExceptions = false,
        ReThrowSerializationExceptions = false,
    };

    private static void Configure(FusionCacheOptions fusion, CachingOptions options)
    {
        fusion.BackplaneChannelPrefix = options.KeyPrefix + "backplane";
        // After a Redis failure, skip Redis for a while instead of paying the timeout on every miss.
        fusion.DistributedCacheCircuitBreakerDuration = options.Redis.CircuitBreakerDuration;
        fusion.BackplaneCircuitBreakerDuration = options.Redis.CircuitBreakerDuration;
        fusion.DefaultEntryOptions = ResponseEntryOptions(options);
        // A render that throws is the endpoint's error, answered and logged by the problem handling; a remote source's
        // failure is logged by RemoteSourceCacheHandler in its own words.
        fusion.FactoryErrorsLogLevel = LogLevel.Debug;
        // Every cached read also checks its tags, so a frozen Redis must not hold those up longer than the entry itself.
        fusion.TagsDefaultEntryOptions.DistributedCacheHardTimeout = options.Redis.ReadBudgetOrCommandTimeout;
        fusion.TagsDefaultEntryOptions.ReThrowDistributedCacheExceptions = false;
    }

    /// <summary>Says at startup which cache levels this instance uses.</summary>
    private sealed partial class CacheStartup(RedisConnection redis, IFusionCache cache, ILogger<CacheStartup> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!redis.IsConfigured)
            {
                LogMemoryOnly(cache.CacheName);
                return;
            }

            // Connect now, bounded by the connect timeout, so the first request does not pay for it.
            await redis.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Cache ({CacheName}): memory only on this instance; set ConnectionStrings:Redis to share a Redis level between instances")]
        private partial void LogMemoryOnly(string cacheName);
    }
}
