using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;

namespace ContentApi.Host.Caching;

/// <summary>How far a purge or reload had reached when the admin was answered.</summary>
internal enum EventDelivery
{
    /// <summary>No Redis is configured: this is the only instance there is to tell.</summary>
    ThisInstanceOnly,

    /// <summary>Recorded in the shared event log: every instance applies it within a poll.</summary>
    EveryInstance,

    /// <summary>Redis did not answer: applied here, held, and recorded for the others as soon as Redis answers again.</summary>
    QueuedUntilRedisAnswers,
}

/// <summary>
/// Purges and content reloads, carried to every instance through a Redis stream rather than fire-and-forget pub/sub,
/// so none is lost when Redis blinks: an event Redis cannot take is held here (in order) and recorded when it answers
/// again, and every instance reads the stream from where it left off, so an instance that was cut off catches up.
/// FusionCache's backplane still carries the everyday invalidations; this log is what makes an admin's purge certain.
/// </summary>
/// <remarks>
/// StackExchange.Redis cannot block on XREAD over its shared connection, so each instance polls, which costs one tiny
/// command per <see cref="PollInterval"/>. The stream is trimmed to about <see cref="StreamLength"/> entries.
/// </remarks>
internal sealed partial class SharedCacheEvents(
    RedisConnection redis,
    IFusionCache cache,
    EdgeCachePurger edge,
    IOptions<CachingOptions> options,
    IServiceProvider services,
    ILogger<SharedCacheEvents> logger) : BackgroundService, IContentReloadBroadcaster
{
    private const int StreamLength = 10_000;

    /// <summary>Beyond this many held events, they collapse into one purge of everything (and a reload), which covers them all.</summary>
    private const int MaxHeld = 100;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // Tells this instance's own events apart from the others'.
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly RedisKey _stream = options.Value.KeyPrefix + "cache-events";
    private readonly Queue<CacheEvent> _held = new();
    private readonly Lock _heldLock = new();
    private RedisValue _lastRead;
    private RedisPolling? _polling;

    private RedisPolling Polling => LazyInitializer.EnsureInitialized(ref _polling, () => new RedisPolling(
        logger, "Shared cache events", "purges and reloads made here are held until it does", "what was held is recorded for every instance"));

    /// <summary>Purges this instance now (everything when <paramref name="tags"/> is null) and every other one.</summary>
    public async Task<EventDelivery> PurgeAsync(IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        var purge = tags is null ? CacheEvent.PurgeAll : new CacheEvent(CacheEventKind.PurgeTags, tags);
        await ApplyAsync(purge, cancellationToken).ConfigureAwait(false);
        return await ShareAsync(purge).ConfigureAwait(false);
    }

    /// <summary>This instance has reloaded; every other one reloads too.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (await ShareAsync(CacheEvent.Reload).ConfigureAwait(false) == EventDelivery.EveryInstance)
        {
            LogReloadShared();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        // Stream ids are Redis's clock in milliseconds. Reading from a little before this start means nothing recorded
        // from now on is missed; replaying a purge or reload from just before is harmless.
        _lastRead = $"{TimeProvider.System.GetUtcNow().AddSeconds(-5).ToUnixTimeMilliseconds()}-0";
        await Polling.RunAsync(
            PollInterval,
            async () =>
            {
                await RecordHeldAsync(stoppingToken).ConfigureAwait(false);
                await ApplyOthersAsync(stoppingToken).ConfigureAwait(false);
            },
            stoppingToken).ConfigureAwait(false);
    }

    private async Task<EventDelivery> ShareAsync(CacheEvent cacheEvent)
    {
        if (!redis.IsConfigured)
        {
            return EventDelivery.ThisInstanceOnly;
        }

        lock (_heldLock)
        {
            // Events reach the others in the order they happened here, so a new one waits behind those already held.
            if (_held.Count > 0)
            {
                Hold(cacheEvent);
                return EventDelivery.QueuedUntilRedisAnswers;
            }
        }

        if (await TryRecordAsync(cacheEvent).ConfigureAwait(false))
        {
            return EventDelivery.EveryInstance;
        }

        lock (_heldLock)
        {
            Hold(cacheEvent);
        }

        LogHeld(cacheEvent.Kind);
        return EventDelivery.QueuedUntilRedisAnswers;
    }

    private void Hold(CacheEvent cacheEvent)
    {
        _held.Enqueue(cacheEvent);
        if (_held.Count > MaxHeld)
        {
            var reload = _held.Any(e => e.Kind == CacheEventKind.Reload);
            _held.Clear();
            _held.Enqueue(CacheEvent.PurgeAll);
            if (reload)
            {
                _held.Enqueue(CacheEvent.Reload);
            }
        }
    }

    private async Task RecordHeldAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            CacheEvent? next;
            lock (_heldLock)
            {
                if (!_held.TryPeek(out next))
                {
                    return;
                }
            }

            if (!await TryRecordAsync(next).ConfigureAwait(false))
            {
                return;
            }

            lock (_heldLock)
            {
                // Held events may have collapsed meanwhile; only the one just recorded leaves the queue.
                if (_held.TryPeek(out var head) && ReferenceEquals(head, next))
                {
                    _held.Dequeue();
                }
            }

            // A purge's own Redis half (the purge time every instance checks) failed with Redis too: do it again now.
            if (next.Kind != CacheEventKind.Reload)
            {
                await ApplyAsync(next, cancellationToken).ConfigureAwait(false);
            }

            LogHeldDelivered(next.Kind);
        }
    }

    private async Task<bool> TryRecordAsync(CacheEvent cacheEvent)
    {
        try
        {
            var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
            NameValueEntry[] fields = [new("kind", cacheEvent.Kind.ToString()), new("tags", string.Join(' ', cacheEvent.Tags)), new("origin", _origin)];
            await database.StreamAddAsync(_stream, fields, maxLength: StreamLength, useApproximateMaxLength: true).ConfigureAwait(false);
            Polling.Answered(true);
            return true;
        }
        catch (Exception ex) when (RedisPolling.IsRedisFailure(ex))
        {
            Polling.Answered(false);
            return false;
        }
    }

    private async Task ApplyOthersAsync(CancellationToken cancellationToken)
    {
        StreamEntry[] entries;
        try
        {
            var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
            entries = await database.StreamReadAsync(_stream, _lastRead, count: 100).ConfigureAwait(false);
            Polling.Answered(true);
        }
        catch (Exception ex) when (RedisPolling.IsRedisFailure(ex))
        {
            Polling.Answered(false);
            return;
        }

        foreach (var entry in entries)
        {
            _lastRead = entry.Id;
            if (entry["origin"] != _origin && CacheEvent.Parse(entry["kind"], entry["tags"]) is { } cacheEvent)
            {
                await ApplyAsync(cacheEvent, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(CacheEvent cacheEvent, CancellationToken cancellationToken)
    {
        try
        {
            switch (cacheEvent.Kind)
            {
                case CacheEventKind.PurgeAll:
                    await cache.ClearAsync(allowFailSafe: false, token: cancellationToken).ConfigureAwait(false);
                    await edge.PurgeAsync(tags: null).ConfigureAwait(false);
                    break;
                case CacheEventKind.PurgeTags:
                    await cache.RemoveByTagAsync(cacheEvent.Tags, token: cancellationToken).ConfigureAwait(false);
                    await edge.PurgeAsync(cacheEvent.Tags).ConfigureAwait(false);
                    break;
                default:
                    await services.GetRequiredService<ContentReloader>().ReloadAsync(ReloadTrigger.OtherInstance, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A background event has no caller to tell: the log is where an operator looks.
            LogApplyFailed(cacheEvent.Kind, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reload recorded in the shared event log over Redis; every other instance reloads too")]
    private partial void LogReloadShared();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer: {Kind} is applied on this instance and held until Redis answers, then recorded for every other instance")]
    private partial void LogHeld(CacheEventKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held {Kind} recorded in the shared event log now that Redis answers; every other instance applies it")]
    private partial void LogHeldDelivered(CacheEventKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying a shared {Kind} on this instance failed")]
    private partial void LogApplyFailed(CacheEventKind kind, Exception exception);
}

internal enum CacheEventKind
{
    PurgeAll,
    PurgeTags,
    Reload,
}

/// <summary>One purge or reload, as recorded in the stream.</summary>
internal sealed record CacheEvent(CacheEventKind Kind, IReadOnlyList<string> Tags)
{
    public static CacheEvent PurgeAll => new(CacheEventKind.PurgeAll, []);

    public static CacheEvent Reload => new(CacheEventKind.Reload, []);

    /// <summary>An entry this version does not understand (written by a newer one) is skipped, not guessed at.</summary>
    public static CacheEvent? Parse(RedisValue kind, RedisValue tags) =>
        Enum.TryParse<CacheEventKind>(kind, out var parsed) && Enum.IsDefined(parsed)
            ? new CacheEvent(parsed, tags.IsNullOrEmpty ? [] : ((string)tags!).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : null;
}
