using StackExchange.Redis;

namespace ContentApi.Host.Caching;

/// <summary>
/// What the host's background Redis loops share (the shared event log, the shared quotas): work repeated every
/// interval until shutdown, and a log line when Redis stops or starts answering, never one per failed poll.
/// </summary>
internal sealed class RedisPolling(Action whenLost, Action whenBack)
{
    /// <summary>
    /// How a Redis command fails: a Redis or timeout error, or a cancelled task (StackExchange.Redis cancels commands
    /// caught by a dropped or stalled connection).
    /// </summary>
    public static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or OperationCanceledException;

    private volatile bool _answering = true;

    /// <summary>Runs <paramref name="work"/> every <paramref name="interval"/> until <paramref name="stoppingToken"/> ends it.</summary>
    public static async Task EveryAsync(TimeSpan interval, Func<Task> work, CancellationToken stoppingToken, Action<Exception>? failed = null)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // A background loop that throws stops the whole host (BackgroundServiceExceptionBehavior.StopHost):
                    // a tick that fails in a way not foreseen is skipped, and the next one tries again.
                    failed?.Invoke(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Records whether Redis answered the last command; logs only a change.</summary>
    public void Answered(bool answered)
    {
        if (_answering == answered)
        {
            return;
        }

        _answering = answered;
        (answered ? whenBack : whenLost)();
    }
}
