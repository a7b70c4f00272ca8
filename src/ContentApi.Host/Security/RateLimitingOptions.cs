namespace ContentApi.Host.Security;

/// <summary>
/// Request quotas, bound from <c>RateLimiting</c>. Anonymous callers are counted per client address (an IPv6 client per
/// /64, since one household or phone gets a whole /64); callers with a key per key id, wherever they call from.
/// With Redis, a quota is shared by every instance (counted in memory, added up in Redis every 100 ms); without Redis,
/// or while it does not answer, each instance counts on its own.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests without an API key, per client address.</summary>
    public RateLimitQuota Anonymous { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests with a partner (or admin) API key, per key id.</summary>
    public RateLimitQuota Partner { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>How many requests a client may make in each fixed window.</summary>
public sealed class RateLimitQuota
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window length; windows are aligned to the clock, so every client's window resets at the same moment.</summary>
    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window >= TimeSpan.FromSeconds(1);
}
