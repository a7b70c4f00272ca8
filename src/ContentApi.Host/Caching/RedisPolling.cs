using StackExchange.Redis;

namespace ContentApi.Host.Caching;

/// <summary>
/// What the host's background Redis loops share (the shared event log, the shared quotas): work repeated every
/// interval until shutdown, and a log line when Redis stops or starts answering, never one per failed poll. Each loop
/// says only its name and what follows for it, so the operator reads the same words from every loop.
/// </summary>
/// <param name="logger">The loop's own logger.</param>
/// <param name="loop">The loop's name in the log, for example <c>Rate limits</c>.</param>
/// <param name="whileLost">What happens while Redis does not answer.</param>
/// <param name="onceBack">What happens once it answers again.</param>
internal sealed partial class RedisPolling(ILogger logger, string loop, string whileLost, string onceBack)
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

    /// <summary>Runs the loop's <paramref name="work"/> every <paramref name="interval"/>, logging a tick that fails.</summary>
    public Task RunAsync(TimeSpan interval, Func<Task> work, CancellationToken stoppingToken) =>
        EveryAsync(interval, work, stoppingToken, ex => LogTickFailed(logger, ex, loop));

    /// <summary>Records whether Redis answered the last command; logs only a change.</summary>
    public void Answered(bool answered)
    {
        if (_answering == answered)
        {
            return;
        }

        _answering = answered;
        if (answered)
        {
            LogBack(logger, loop, onceBack);
        }
        else
        {
            LogLost(logger, loop, whileLost);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Loop}: Redis does not answer; {WhileLost}")]
    private static partial void LogLost(ILogger logger, string loop, string whileLost);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Loop}: Redis answers again; {OnceBack}")]
    private static partial void LogBack(ILogger logger, string loop, string onceBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Loop}: a poll of Redis failed; the next one tries again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string loop);
}
