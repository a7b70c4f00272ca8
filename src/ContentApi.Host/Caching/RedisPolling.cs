namespace ContentApi.Host.Caching;

/// <summary>
/// What the host's background Redis loops share (the shared event log, the shared quotas): work repeated every
/// interval until shutdown, and a log line when Redis stops or starts answering, never one per failed poll.
/// </summary>
internal sealed class RedisPolling(Action whenLost, Action whenBack)
{
    private volatile bool _answering = true;

    /// <summary>Runs <paramref name="work"/> every <paramref name="interval"/> until <paramref name="stoppingToken"/> ends it.</summary>
    public static async Task EveryAsync(TimeSpan interval, Func<Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await work().ConfigureAwait(false);
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
