using System.Threading.RateLimiting;

namespace ContentApi.Host.Security;

/// <summary>
/// A fixed-window limiter whose windows are aligned to the clock (window n covers [n·w, (n+1)·w) since the Unix epoch),
/// so the time until the quota resets is known exactly and can be told to the client in <c>RateLimit-Reset</c> and
/// <c>Retry-After</c>. The framework's fixed-window limiter starts its windows at an unknown moment and cannot say.
/// Nothing is queued: a request over quota is refused at once. With a <see cref="ClientShare"/>, what the other
/// instances counted for the same client counts against the quota too.
/// </summary>
internal sealed class FixedWindowLimiter(RateLimitQuota quota, TimeProvider time, Func<ClientShare?> share) : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly long _windowTicks = quota.Window.Ticks;
    private long _window = -1;
    private int _used;
    private long _successful;
    private long _failed;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                // A partition with permits used in the current window must be kept, or its count would be forgotten.
                var now = time.GetUtcNow().UtcTicks;
                var windowEnd = (_window + 1) * _windowTicks;
                return now >= windowEnd ? TimeSpan.FromTicks(now - windowEnd) : null;
            }
        }
    }

    /// <summary>Time until the current window ends, for any limiter with this window length.</summary>
    public static TimeSpan UntilReset(TimeSpan window, DateTimeOffset now) =>
        TimeSpan.FromTicks(window.Ticks - (now.UtcTicks % window.Ticks));

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Roll(time.GetUtcNow().UtcTicks);
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = quota.PermitLimit - _used - (share()?.CountedElsewhere(_window) ?? 0),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            Roll(now);
            var client = share();
            if (_used + (client?.CountedElsewhere(_window) ?? 0) + permitCount <= quota.PermitLimit)
            {
                _used += permitCount;
                _successful++;
                client?.Counted(_window, permitCount);
                return Lease.Acquired;
            }

            _failed++;
            return new Lease(TimeSpan.FromTicks(((_window + 1) * _windowTicks) - now));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Roll(long nowTicks)
    {
        var window = nowTicks / _windowTicks;
        if (window != _window)
        {
            _window = window;
            _used = 0;
        }
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
