using ContentApi.Host.Caching;
using ContentApi.Tests.Infrastructure;
using ZiggyCreatures.Caching.Fusion;

namespace ContentApi.Tests.Caching;

/// <summary>
/// The lock that lets one request render a missing entry. A request can hold one key's lock and take another (a hit
/// found under the lock checks its tags through entries of their own); a locker that shared locks between keys made
/// that request wait on itself until its timeout whenever the two keys shared a lock.
/// </summary>
public sealed class InFlightMemoryLockerTests
{
    private static readonly TimeSpan NoWait = TimeSpan.Zero;

    [Fact]
    public async Task A_lock_held_on_one_key_never_blocks_a_lock_on_any_other_key()
    {
        using var locker = new InFlightMemoryLocker();

        // Enough pairs that any fixed set of shared locks (1,024 hash stripes, say) has collisions among them.
        foreach (var pair in Enumerable.Range(0, 20_000))
        {
            var outer = await AcquireAsync(locker, $"v1|/api/v1/contacts/item-{pair}|en", NoWait);
            var inner = await AcquireAsync(locker, $"__fc:t:tag-{pair}", NoWait);

            Assert.True(outer is not null && inner is not null, $"pair {pair}: a second key's lock waited on the first key's");
            Release(locker, inner);
            Release(locker, outer);
        }
    }

    [Fact]
    public async Task A_request_that_waited_for_a_render_checks_the_entrys_tags_while_it_holds_the_entrys_lock()
    {
        var locker = new InFlightMemoryLocker();
        using var cache = new FusionCache(new FusionCacheOptions(), memoryLocker: locker);
        var rendering = new TaskCompletionSource();
        string[] tags = ["contacts"];

        var renderer = cache.GetOrSetAsync<int>("contacts/childline", async _ => { await rendering.Task; return 1; }, tags: tags).AsTask();
        await Poll.UntilAsync(() => Task.FromResult(locker.RequestsFor("contacts/childline") == 1), "the first request holds the key's lock");
        var waiter = cache.GetOrSetAsync<int>("contacts/childline", _ => Task.FromResult(2), tags: tags).AsTask();
        await Poll.UntilAsync(() => Task.FromResult(locker.RequestsFor("contacts/childline") == 2), "the second request waits for the key's lock");
        rendering.SetResult();

        // The waiter finds the rendered entry under the key's lock and reads the tag's entry (never read before) under
        // a lock of its own: that second lock must not be the first.
        Assert.Equal((1, 1), (await renderer, await waiter.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.Equal(0, locker.KeysInFlight);
    }

    [Fact]
    public async Task A_key_has_one_holder_at_a_time_and_the_next_waiter_gets_it_on_release()
    {
        using var locker = new InFlightMemoryLocker();
        var first = await AcquireAsync(locker, "key", NoWait);
        Assert.NotNull(first);

        Assert.Null(await AcquireAsync(locker, "key", NoWait));
        var waiting = AcquireAsync(locker, "key", Timeout.InfiniteTimeSpan).AsTask();
        Assert.False(waiting.IsCompleted);

        Release(locker, first);
        var second = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(second);
        Release(locker, second);
    }

    [Fact]
    public async Task Memory_follows_the_keys_in_flight_not_the_keys_ever_seen()
    {
        using var locker = new InFlightMemoryLocker();
        foreach (var key in Enumerable.Range(0, 10_000).Select(i => $"/api/v2/guidance?page={i}"))
        {
            Release(locker, await AcquireAsync(locker, key, NoWait));
        }

        var held = await AcquireAsync(locker, "held", NoWait);
        Assert.Null(await AcquireAsync(locker, "held", NoWait));
        using var cancelled = new CancellationTokenSource();
        var cancelledWait = AcquireAsync(locker, "held", Timeout.InfiniteTimeSpan, cancelled.Token).AsTask();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWait);

        Assert.Equal(1, locker.KeysInFlight);
        Release(locker, held);
        Assert.Equal(0, locker.KeysInFlight);
    }

    private static ValueTask<object?> AcquireAsync(InFlightMemoryLocker locker, string key, TimeSpan timeout, CancellationToken token = default) =>
        locker.AcquireLockAsync("responses", "instance", "operation", key, timeout, logger: null, token);

    private static void Release(InFlightMemoryLocker locker, object? lockObject) =>
        locker.ReleaseLock("responses", "instance", "operation", "unused", lockObject, logger: null);
}
