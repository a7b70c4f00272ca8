using StackExchange.Redis;

namespace ContentApi.Host.Caching;

/// <summary>
/// Carries an admin's content reload to every other instance over Redis pub/sub, when Redis is configured. Each
/// instance that hears it reloads its own plugins (<see cref="ReloadTrigger.OtherInstance"/>, so it does not publish
/// again); remote sources then come from the copy the first instance just fetched into the shared cache.
/// </summary>
internal sealed partial class RedisReloadBroadcaster(
    RedisConnection redis,
    IOptions<CachingOptions> options,
    IServiceProvider services,
    ILogger<RedisReloadBroadcaster> logger) : IContentReloadBroadcaster, IHostedService
{
    // Tells this instance's own messages apart from the others'.
    private readonly string _instanceId = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.KeyPrefix + "content-reload");
    private int _subscribed;

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await redis.GetAsync().ConfigureAwait(false);
            var listeners = await multiplexer.GetSubscriber().PublishAsync(_channel, _instanceId).ConfigureAwait(false);
            LogPublished(listeners - 1);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(ex.GetType().Name);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        // Redis may be down now: subscribe again whenever the connection comes back, until it takes.
        multiplexer.ConnectionRestored += (_, _) => _ = SubscribeAsync(multiplexer);
        await SubscribeAsync(multiplexer).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SubscribeAsync(IConnectionMultiplexer multiplexer)
    {
        if (Volatile.Read(ref _subscribed) == 1)
        {
            return;
        }

        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(_channel, (channel, message) =>
            {
                if (message != _instanceId)
                {
                    _ = ReloadAsync();
                }
            }).ConfigureAwait(false);
            Interlocked.Exchange(ref _subscribed, 1);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(ex.GetType().Name);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await services.GetRequiredService<ContentReloader>().ReloadAsync(ReloadTrigger.OtherInstance, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A background reload has no caller to tell: the log is where an operator looks.
            LogReloadFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reload announced to {Listeners} other instances over Redis")]
    private partial void LogPublished(long listeners);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the content reload over Redis ({Reason}): other instances keep their content until they reload")]
    private partial void LogPublishFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to content reloads over Redis ({Reason}); retrying when the connection returns")]
    private partial void LogSubscribeFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading content at another instance's request failed")]
    private partial void LogReloadFailed(Exception exception);
}
