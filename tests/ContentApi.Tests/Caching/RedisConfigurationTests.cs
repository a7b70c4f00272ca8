using ContentApi.Host.Caching;
using StackExchange.Redis;

namespace ContentApi.Tests.Caching;

/// <summary>The Redis client settings that keep an outage from stalling requests.</summary>
public sealed class RedisConfigurationTests
{
    [Fact]
    public void An_outage_never_aborts_startup_or_queues_commands_and_timeouts_are_short()
    {
        var configuration = RedisConnection.Configure("redis:6379", new RedisClientOptions());

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
        Assert.Equal(1000, configuration.ConnectTimeout);
        Assert.Equal(500, configuration.SyncTimeout);
        Assert.Equal(500, configuration.AsyncTimeout);
    }

    [Fact]
    public void Timeouts_in_the_connection_string_win_but_abort_on_connect_fail_never_does()
    {
        var configuration = RedisConnection.Configure("redis:6379,abortConnect=true,connectTimeout=2000,syncTimeout=1000", new RedisClientOptions());

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Equal(2000, configuration.ConnectTimeout);
        Assert.Equal(1000, configuration.SyncTimeout);
        Assert.Equal(500, configuration.AsyncTimeout);
    }
}
