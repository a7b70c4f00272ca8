namespace ContentApi.Abstractions;

/// <summary>What the host hands a plugin when it loads.</summary>
public sealed class PluginContext
{
    /// <summary>The plugin's manifest as the host read it.</summary>
    public required PluginManifest Manifest { get; init; }

    /// <summary>The absolute path of the plugin's folder, where its content files live.</summary>
    public required string PluginDirectory { get; init; }

    /// <summary>Settings for this plugin from the host's configuration section <c>Plugins:Settings:{id}</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// An HTTP client for remote sources, with the host's time limits and resilience policy applied.
    /// Plugins should use it rather than creating their own.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Where the plugin reports what it did; messages reach the host's logs tagged with the plugin id.</summary>
    public IPluginLog Log { get; init; } = NullPluginLog.Instance;

    /// <summary>The host's clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests can control time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>A minimal log a plugin writes to, so the contract needs no logging framework.</summary>
public interface IPluginLog
{
    /// <summary>Something worth knowing happened.</summary>
    void Information(string message);

    /// <summary>Something went wrong but the plugin carried on.</summary>
    void Warning(string message);

    /// <summary>Something failed.</summary>
    void Error(string message, Exception? exception = null);
}

/// <summary>A log that discards everything.</summary>
public sealed class NullPluginLog : IPluginLog
{
    /// <summary>The shared instance.</summary>
    public static NullPluginLog Instance { get; } = new();

    private NullPluginLog()
    {
    }

    /// <inheritdoc />
    public void Information(string message)
    {
    }

    /// <inheritdoc />
    public void Warning(string message)
    {
    }

    /// <inheritdoc />
    public void Error(string message, Exception? exception = null)
    {
    }
}
