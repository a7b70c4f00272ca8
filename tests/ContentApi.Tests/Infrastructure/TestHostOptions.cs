using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.Tests.Infrastructure;

/// <summary>Where a <see cref="TestHost"/> runs the API.</summary>
public enum HostKind
{
    /// <summary>In memory (TestServer): fast, and the host's services can be reached and replaced.</summary>
    InMemory,

    /// <summary>In this process on a real Kestrel socket: for what only a real server does (header limits, no Server header).</summary>
    Kestrel,

    /// <summary>Its own operating-system process (<c>dotnet ContentApi.Host.dll</c>) on a real port: for signals such as SIGTERM.</summary>
    Process,
}

/// <summary>
/// What a <see cref="TestHost"/> is made of. Every choice has a default that suits most tests: the first-party plugins,
/// the test API keys, the suite clock, no Redis, in memory.
/// </summary>
public sealed class TestHostOptions
{
    internal Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal List<Action<IServiceCollection>> ServiceChanges { get; } = [];

    internal HostKind Kind { get; private set; } = HostKind.InMemory;

    internal bool StartsOwnRedis { get; private set; }

    internal RedisServer? SharedRedis { get; private set; }

    internal Action<PluginFolders>? FillOwnPlugins { get; private set; }

    internal PluginFolders? SharedPlugins { get; private set; }

    internal DateTimeOffset? FakeClockStart { get; private set; }

    internal bool RealClock { get; private set; }

    /// <summary>One configuration value, as appsettings.json or an environment variable would set it; the last one set wins.</summary>
    public TestHostOptions WithSetting(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public TestHostOptions WithSettings(params (string Key, string? Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        return this;
    }

    public TestHostOptions WithSettings(IEnumerable<KeyValuePair<string, string?>> settings) =>
        WithSettings([.. settings.Select(s => (s.Key, s.Value))]);

    /// <summary>A real redis-server of the host's own, started before the host and killed after it (<see cref="TestHost.Redis"/>).</summary>
    public TestHostOptions WithRedis()
    {
        StartsOwnRedis = true;
        SharedRedis = null;
        return this;
    }

    /// <summary>A redis-server the test owns: shared by several hosts, or killed, frozen and restarted by the test.</summary>
    public TestHostOptions WithRedis(RedisServer redis)
    {
        SharedRedis = redis;
        StartsOwnRedis = false;
        return this;
    }

    /// <summary>An edge cache the host purges when its content changes (<c>Caching:Edge:PurgeTargets</c>).</summary>
    public TestHostOptions WithPurgeTarget(Uri edge) => WithSetting("Caching:Edge:PurgeTargets:0", edge.ToString());

    /// <summary>A temporary plugins folder of the host's own, filled before it starts and deleted after it (<see cref="TestHost.Plugins"/>).</summary>
    public TestHostOptions WithPlugins(Action<PluginFolders> fill)
    {
        FillOwnPlugins = fill;
        SharedPlugins = null;
        return this;
    }

    /// <summary>A plugins folder the test owns, for tests that outlive one host or edit the folder between hosts.</summary>
    public TestHostOptions WithPlugins(PluginFolders folders)
    {
        SharedPlugins = folders;
        FillOwnPlugins = null;
        return this;
    }

    /// <summary>
    /// A clock that stands still at <paramref name="now"/> until the test moves it (<see cref="TestHost.Clock"/>): review
    /// dates, quotas' windows and change stamps on any day, without waiting.
    /// </summary>
    public TestHostOptions WithClock(DateTimeOffset now)
    {
        FakeClockStart = now;
        RealClock = false;
        return this;
    }

    /// <summary>The real date instead of the suite clock: only for the guard that shipped content is not overdue today.</summary>
    public TestHostOptions WithRealClock()
    {
        RealClock = true;
        FakeClockStart = null;
        return this;
    }

    /// <summary>The data.police.uk stand-in the forces plugin reads from instead of the internet.</summary>
    public TestHostOptions WithForcesUpstream(StubForcesUpstream upstream) =>
        WithSetting("Plugins:Settings:forces:UpstreamUrl", upstream.BaseAddress.ToString());

    /// <summary>Replaces or adds host services after the app has registered its own (a faulty dependency, a recorder).</summary>
    public TestHostOptions WithServices(Action<IServiceCollection> change)
    {
        ServiceChanges.Add(change);
        return this;
    }

    /// <summary>Serves on a real Kestrel socket in this process (<see cref="TestHost.Address"/>).</summary>
    public TestHostOptions OnKestrel()
    {
        Kind = HostKind.Kestrel;
        return this;
    }

    /// <summary>Runs the API as its own operating-system process on a real port (<see cref="TestHost.Process"/>).</summary>
    public TestHostOptions AsProcess()
    {
        Kind = HostKind.Process;
        return this;
    }
}
