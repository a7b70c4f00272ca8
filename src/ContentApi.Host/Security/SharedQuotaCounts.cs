using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ContentApi.Host.Security;

/// <summary>
/// Makes a client's quota one quota across every instance that shares Redis: each instance counts in memory (the
/// limiter never waits on Redis) and every <see cref="SyncInterval"/> adds what it counted to one Redis counter per
/// client and window, learning in the same command what the other instances counted. A client can overshoot by what it
/// gets through in one interval; never by a factor of the number of instances. When Redis does not answer, each instance
/// goes on counting on its own (never no limit, never refusing everyone) and sends its counts once Redis answers.
/// </summary>
internal sealed class SharedQuotaCounts(RedisConnection redis, IOptions<CachingOptions> caching, TimeProvider time, ILogger<SharedQuotaCounts> logger)
    : BackgroundService
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, ClientShare> _clients = new(StringComparer.Ordinal);
    private readonly string _keyPrefix = caching.Value.KeyPrefix + "quota:";
    private RedisPolling? _polling;

    private RedisPolling Polling => LazyInitializer.EnsureInitialized(ref _polling, () => new RedisPolling(
        logger, "Rate limits", "each instance counts its clients' quotas on its own until it does", "quotas are shared by every instance"));

    /// <summary>The share of one client's quota, or null when there is no Redis to share it through.</summary>
    public ClientShare? For(string partition, TimeSpan window) =>
        redis.IsConfigured ? _clients.GetOrAdd(partition, p => new ClientShare(_keyPrefix + Hash(p), window)) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        await Polling.RunAsync(SyncInterval, SyncAsync, stoppingToken).ConfigureAwait(false);
    }

    private async Task SyncAsync()
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = new List<(ClientShare Client, ClientShare.Send Send)>();
        foreach (var (partition, client) in _clients)
        {
            if (client.TakeSend() is { } send)
            {
                due.Add((client, send));
            }
            else if (client.IsOver(now))
            {
                _clients.TryRemove(partition, out _);
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        try
        {
            var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
            var totals = await Task.WhenAll(due.Select(d => AddAsync(database, d.Client, d.Send))).ConfigureAwait(false);
            for (var i = 0; i < due.Count; i++)
            {
                due[i].Client.Sent(due[i].Send, totals[i]);
            }

            Polling.Answered(true);
        }
        catch (Exception ex) when (RedisPolling.IsRedisFailure(ex))
        {
            // Counted here all the same: kept to send with the next sync.
            foreach (var (client, send) in due)
            {
                client.NotSent(send);
            }

            Polling.Answered(false);
        }
    }

    private static async Task<long> AddAsync(IDatabase database, ClientShare client, ClientShare.Send send)
    {
        RedisKey key = $"{client.KeyPrefix}:{send.Window}";
        var total = await database.StringIncrementAsync(key, send.Permits).ConfigureAwait(false);
        if (total == send.Permits)
        {
            // The first count of this window: the counter goes when the window is long over.
            await database.KeyExpireAsync(key, client.WindowLength * 2).ConfigureAwait(false);
        }

        return total;
    }

    // Redis keys carry no client address or key id: a short hash of the partition is enough to tell clients apart.
    private static string Hash(string partition) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition)).AsSpan(0, 12));

}

/// <summary>One client's counts in the current window: what this instance counted, sent, and learned of the others.</summary>
internal sealed class ClientShare(string keyPrefix, TimeSpan windowLength)
{
    private readonly Lock _gate = new();
    private long _window = -1;
    private int _unsent;
    private long _sent;
    private long _elsewhere;
    private bool _touched;

    public string KeyPrefix { get; } = keyPrefix;

    public TimeSpan WindowLength { get; } = windowLength;

    /// <summary>What the other instances had counted for this client in <paramref name="window"/>, at the last sync.</summary>
    public long CountedElsewhere(long window)
    {
        lock (_gate)
        {
            Roll(window);
            // Even a refused attempt asks for news: a client new to this instance learns its count at the next sync.
            _touched = true;
            return _elsewhere;
        }
    }

    /// <summary>Permits this instance granted in <paramref name="window"/>.</summary>
    public void Counted(long window, int permits)
    {
        lock (_gate)
        {
            Roll(window);
            _unsent += permits;
            _touched = true;
        }
    }

    internal Send? TakeSend()
    {
        lock (_gate)
        {
            if (!_touched)
            {
                return null;
            }

            _touched = false;
            var send = new Send(_window, _unsent);
            _unsent = 0;
            return send;
        }
    }

    internal void Sent(Send send, long total)
    {
        lock (_gate)
        {
            if (send.Window == _window)
            {
                _sent += send.Permits;
                _elsewhere = Math.Max(0, total - _sent);
            }
        }
    }

    internal void NotSent(Send send)
    {
        lock (_gate)
        {
            if (send.Window == _window)
            {
                _unsent += send.Permits;
                _touched = true;
            }
        }
    }

    internal bool IsOver(long nowTicks)
    {
        lock (_gate)
        {
            return !_touched && nowTicks / WindowLength.Ticks > _window;
        }
    }

    private void Roll(long window)
    {
        if (window != _window)
        {
            (_window, _unsent, _sent, _elsewhere) = (window, 0, 0, 0);
        }
    }

    internal readonly record struct Send(long Window, int Permits);
}
