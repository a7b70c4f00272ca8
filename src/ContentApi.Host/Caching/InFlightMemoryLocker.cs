using ZiggyCreatures.Caching.Fusion.Locking;

namespace ContentApi.Host.Caching;

/// <summary>
/// The per-key lock that lets one request per instance render a missing entry while the others wait. FusionCache's
/// standard locker keeps a semaphore for every key it has seen, in a memory cache of its own with no size limit, for
/// five minutes after its last use: 50,000 distinct URLs meant 50,000 semaphores outside
/// <c>Caching:MemoryLimitBytes</c>. This one keeps a semaphore only while some request holds or waits for its key,
/// so its memory follows the requests in flight, not the keys ever seen.
/// </summary>
/// <remarks>
/// Locks are exact per key on purpose. A lock may be taken while another is held (a cache hit found under the lock
/// checks its tags through entries of their own; a render may read a remote source's entry), and locks shared by
/// several keys, such as a fixed set of stripes chosen by hash, then deadlock whenever the two keys share one: the
/// request waits on itself until its timeout, and every request for that URL after it does the same.
/// </remarks>
internal sealed class InFlightMemoryLocker : IFusionCacheMemoryLocker
{
    private readonly Dictionary<string, KeyLock> _locks = new(StringComparer.Ordinal);

    /// <summary>How many keys are held or waited for now; zero when nothing is in flight.</summary>
    public int KeysInFlight
    {
        get
        {
            lock (_locks)
            {
                return _locks.Count;
            }
        }
    }

    /// <summary>How many requests hold or wait for <paramref name="key"/> now.</summary>
    public int RequestsFor(string key)
    {
        lock (_locks)
        {
            return _locks.TryGetValue(key, out var keyLock) ? keyLock.Users : 0;
        }
    }

    public async ValueTask<object?> AcquireLockAsync(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout, ILogger? logger, CancellationToken token)
    {
        var keyLock = Enter(key);
        try
        {
            if (await keyLock.Semaphore.WaitAsync(timeout, token).ConfigureAwait(false))
            {
                return keyLock;
            }
        }
        catch
        {
            Leave(keyLock);
            throw;
        }

        Leave(keyLock);
        return null;
    }

    // The API reads the cache asynchronously only; a synchronous caller blocks on the one implementation.
    public object? AcquireLock(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout, ILogger? logger, CancellationToken token) =>
        AcquireLockAsync(cacheName, cacheInstanceId, operationId, key, timeout, logger, token).AsTask().GetAwaiter().GetResult();

    public void ReleaseLock(string cacheName, string cacheInstanceId, string operationId, string key, object? lockObj, ILogger? logger)
    {
        if (lockObj is KeyLock keyLock)
        {
            keyLock.Semaphore.Release();
            Leave(keyLock);
        }
    }

    public void Dispose()
    {
        // Nothing to free: a semaphore whose wait handle is never asked for holds no operating-system resource.
    }

    private KeyLock Enter(string key)
    {
        lock (_locks)
        {
            if (!_locks.TryGetValue(key, out var keyLock))
            {
                keyLock = new KeyLock(key);
                _locks.Add(key, keyLock);
            }

            keyLock.Users++;
            return keyLock;
        }
    }

    private void Leave(KeyLock keyLock)
    {
        lock (_locks)
        {
            if (--keyLock.Users == 0)
            {
                _locks.Remove(keyLock.Key);
            }
        }
    }

    /// <summary>A key's semaphore and how many requests hold or wait for it (guarded by the dictionary's lock).</summary>
    private sealed class KeyLock(string key)
    {
        public string Key { get; } = key;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
