using ContentApi.Host.Caching;

namespace ContentApi.Tests.Caching;

/// <summary>
/// The background Redis loops (shared quotas, shared cache events) must outlive any failure of one tick: a loop that
/// throws stops the whole host. The benchmark found one: StackExchange.Redis cancelled a command on a frozen Redis,
/// the TaskCanceledException escaped, and the API exited.
/// </summary>
public sealed class RedisPollingTests
{
    [Fact]
    public async Task A_tick_that_throws_is_skipped_and_the_loop_goes_on()
    {
        using var stop = new CancellationTokenSource();
        var ticks = 0;
        var failures = new List<Exception>();

        var loop = RedisPolling.EveryAsync(
            TimeSpan.FromMilliseconds(10),
            () =>
            {
                if (Interlocked.Increment(ref ticks) >= 4)
                {
                    stop.Cancel();
                }

                return ticks % 2 == 1 ? Task.FromException(new TaskCanceledException("as a cancelled Redis command")) : Task.CompletedTask;
            },
            stop.Token,
            failures.Add);

        await loop.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(ticks >= 4, $"the loop stopped after {ticks} ticks");
        Assert.All(failures, f => Assert.IsType<TaskCanceledException>(f));
        Assert.True(RedisPolling.IsRedisFailure(new TaskCanceledException()));
    }
}
