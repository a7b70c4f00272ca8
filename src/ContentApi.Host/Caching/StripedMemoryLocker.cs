using ZiggyCreatures.Caching.Fusion.Locking;

namespace ContentApi.Host.Caching;

/// <summary>
/// The per-key lock that lets one request per instance render a missing entry while the others wait. FusionCache's
/// standard locker keeps a semaphore for every key it has seen, in a memory cache of its own with no size limit, for
/// five minutes after its last use: 50,000 distinct URLs meant 50,000 semaphores outside <c>Caching:MemoryLimitBytes</c>.
/// This one has a fixed set of semaphores chosen by the key's hash, so its memory never grows; two keys that share a
/// stripe render one after the other, which costs a little time only when both miss at once.
/// </summary>
internal sealed class StripedMemoryLocker : IFusionCacheMemoryLocker
{
    private const int Stripes = 1024;

    private readonly SemaphoreSlim[] _semaphores = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<object?> AcquireLockAsync(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout, ILogger? logger, CancellationToken token)
    {
        var semaphore = For(key);
        return await semaphore.WaitAsync(timeout, token).ConfigureAwait(false) ? semaphore : null;
    }

    public object? AcquireLock(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout, ILogger? logger, CancellationToken token)
    {
        var semaphore = For(key);
        return semaphore.Wait(timeout, token) ? semaphore : null;
    }

    public void ReleaseLock(string cacheName, string cacheInstanceId, string operationId, string key, object? lockObj, ILogger? logger) =>
        (lockObj as SemaphoreSlim)?.Release();

    public void Dispose()
    {
        foreach (var semaphore in _semaphores)
        {
            semaphore.Dispose();
        }
    }

    private SemaphoreSlim For(string key) => _semaphores[(uint)StringComparer.Ordinal.GetHashCode(key) % Stripes];
}
