namespace ContentApi.Host.Caching;

/// <summary>
/// How responses and remote sources are cached, bound from the <c>Caching</c> section. Redis itself is configured with
/// <c>ConnectionStrings:Redis</c>; without it every instance caches in its own memory only.
/// </summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>The connection string name for Redis (<c>ConnectionStrings:Redis</c>, environment <c>ConnectionStrings__Redis</c>).</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>Prefix of every key this API writes to Redis, so several deployments can share one server.</summary>
    public string KeyPrefix { get; set; } = "content-api:";

    /// <summary>How long a rendered response stays in the caches. Content changes reach clients through new keys, not expiry.</summary>
    public TimeSpan ResponseDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Responses larger than this are served but not cached.</summary>
    public int MaxCachedResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most memory rendered responses may take on one instance; least recently used entries go first.</summary>
    public long MemoryLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>HTTP caching headers sent with every content response.</summary>
    public HttpCachingOptions Http { get; set; } = new();

    /// <summary>Caching of what plugins fetch from remote sources through the host's HTTP client.</summary>
    public RemoteSourceOptions RemoteSources { get; set; } = new();

    /// <summary>Redis client limits: short, so an outage costs a bounded delay, never a stall.</summary>
    public RedisClientOptions Redis { get; set; } = new();

    /// <summary>An edge cache in front of the API (Varnish, a CDN) that the API purges when content changes.</summary>
    public EdgeCacheOptions Edge { get; set; } = new();
}

/// <summary>Where and how the API purges an edge cache in front of it, bound from <c>Caching:Edge</c>.</summary>
public sealed class EdgeCacheOptions
{
    /// <summary>
    /// URLs that accept <c>BAN</c> requests naming surrogate keys in a <c>Surrogate-Key</c> header, as
    /// <c>deploy/varnish.vcl</c> does. Empty (the default): no edge cache is purged.
    /// </summary>
    public List<Uri> PurgeTargets { get; set; } = [];

    /// <summary>How long one purge request may take before it is retried in the background.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a purge that an edge did not accept keeps being retried (with growing pauses) before it is dropped.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The targets given; an empty entry (compose's unset <c>EDGE_PURGE_TARGET</c>) counts as none.</summary>
    internal IEnumerable<Uri> Targets => PurgeTargets.Where(target => target.OriginalString.Length > 0);

    internal bool IsValid =>
        Targets.All(target => target.IsAbsoluteUri && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)) &&
        Timeout > TimeSpan.Zero && RetryFor > TimeSpan.Zero;
}

/// <summary>The <c>Cache-Control</c> directives partners' browsers and CDNs are given.</summary>
public sealed class HttpCachingOptions
{
    /// <summary>How long a client may use a response without asking again.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after that a client may keep using it while it revalidates in the background.</summary>
    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a client may keep using it when this API answers with an error or cannot be reached.</summary>
    public TimeSpan StaleIfError { get; set; } = TimeSpan.FromDays(1);

    public string CacheControl() =>
        $"public, max-age={(long)MaxAge.TotalSeconds}, stale-while-revalidate={(long)StaleWhileRevalidate.TotalSeconds}, stale-if-error={(long)StaleIfError.TotalSeconds}";
}

/// <summary>How remote sources (for example a data.police.uk-compatible API) are cached and protected.</summary>
public sealed class RemoteSourceOptions
{
    /// <summary>How long a fetched response counts as fresh.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long the last good copy is kept to serve when the source fails (stale-if-error).</summary>
    public TimeSpan StaleIfErrorFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When the source is slower than this and a last good copy exists, the copy is used and the fetch finishes in the background.</summary>
    public TimeSpan SlowSourceTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a fetch may take when there is no copy to fall back on (the plugin client's own total timeout is 20 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Requests per second sent to any one remote host (data.police.uk allows 15).</summary>
    public int MaxRequestsPerSecondPerHost { get; set; } = 10;
}

/// <summary>StackExchange.Redis limits and how long FusionCache stops using Redis after it fails.</summary>
public sealed class RedisClientOptions
{
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest any single Redis command may take (sync and async).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest a request waits on Redis for a response another instance cached (and for its tags) before rendering
    /// it itself. A frozen or full Redis then costs a miss this much at most, not <see cref="CommandTimeout"/>; writes to
    /// Redis run in the background and are not waited for.
    /// </summary>
    public TimeSpan ReadBudget { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The read budget, never longer than a command may take anyway.</summary>
    internal TimeSpan ReadBudgetOrCommandTimeout => ReadBudget < CommandTimeout ? ReadBudget : CommandTimeout;

    /// <summary>After a Redis failure, how long requests skip Redis altogether before trying it again.</summary>
    public TimeSpan CircuitBreakerDuration { get; set; } = TimeSpan.FromSeconds(2);
}
