namespace ContentApi.Host.Plugins;

/// <summary>
/// Tells the other instances of the API that an admin reloaded content here, so they reload too. Each instance then
/// builds its own snapshot from its own plugins folder (shared storage or the same deployment).
/// </summary>
/// <remarks>
/// The default, <see cref="SingleInstanceReloadBroadcaster"/>, serves a single instance. A multi-instance deployment
/// registers an implementation over its shared channel (with Redis, <c>SharedCacheEvents</c>' stream): <see cref="PublishAsync"/> publishes,
/// and on receiving another instance's message the implementation calls
/// <see cref="ContentReloader.ReloadAsync"/> with <see cref="ReloadTrigger.OtherInstance"/> (and must not publish again).
/// </remarks>
internal interface IContentReloadBroadcaster
{
    Task PublishAsync(CancellationToken cancellationToken);
}

/// <summary>One instance, no one else to tell: says so in the log, so an operator who expected more instances notices.</summary>
internal sealed partial class SingleInstanceReloadBroadcaster(ILogger<SingleInstanceReloadBroadcaster> logger) : IContentReloadBroadcaster
{
    public Task PublishAsync(CancellationToken cancellationToken)
    {
        LogSingleInstance();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloaded on this instance; no reload broadcaster is configured, so no other instance was told")]
    private partial void LogSingleInstance();
}
