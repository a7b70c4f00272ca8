using StackExchange.Redis;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// The outbox in Redis, shared by every instance: subscriptions in one hash; each delivery as its own key (kept for
/// <see cref="WebhookOptions.DeliveryRetention"/>) listed per subscription in a sorted set (the latest 1,000); and one sorted set of what
/// is due, by time. Claiming is one Lua script (take what is due, push it back by a lease), so each delivery goes to
/// one instance at a time; enqueueing is another (record a message once per subscription), so the instances that
/// notice the same change record it once.
/// </summary>
internal sealed class RedisWebhookOutbox(RedisConnection redis, IOptions<CachingOptions> caching, IOptions<WebhookOptions> options) : IWebhookOutbox
{
    private const string EnqueueScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
          redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[4])
          redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
          redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -1001)
          redis.call('ZADD', KEYS[4], ARGV[2], ARGV[3])
          return 1
        end
        return 0
        """;

    private const string ClaimScript = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, id in ipairs(due) do
          redis.call('ZADD', KEYS[1], ARGV[2], id)
        end
        return due
        """;

    private readonly string _prefix = caching.Value.KeyPrefix + "webhooks:";

    public bool IsShared => true;

    private RedisKey Subscriptions => _prefix + "subscriptions";

    private RedisKey Due => _prefix + "due";

    private long RetentionSeconds => (long)options.Value.DeliveryRetention.TotalSeconds;

    public async Task SaveSubscriptionAsync(StoredSubscription subscription) =>
        await (await DatabaseAsync()).HashSetAsync(Subscriptions, subscription.Id, WebhookJson.Write(subscription)).ConfigureAwait(false);

    public async Task<StoredSubscription?> SubscriptionAsync(string id) =>
        WebhookJson.Read<StoredSubscription>(await (await DatabaseAsync()).HashGetAsync(Subscriptions, id).ConfigureAwait(false));

    public async Task<IReadOnlyList<StoredSubscription>> SubscriptionsAsync()
    {
        var entries = await (await DatabaseAsync()).HashValuesAsync(Subscriptions).ConfigureAwait(false);
        return [.. entries.Select(e => WebhookJson.Read<StoredSubscription>(e)!).OrderBy(s => s.CreatedAt)];
    }

    public async Task<bool> DeleteSubscriptionAsync(string id) =>
        await (await DatabaseAsync()).HashDeleteAsync(Subscriptions, id).ConfigureAwait(false);

    public async Task<bool> EnqueueAsync(WebhookDelivery delivery)
    {
        var database = await DatabaseAsync();
        RedisKey[] keys = [$"{_prefix}seen:{delivery.SubscriptionId}:{delivery.MessageId}", DeliveryKey(delivery.Id), ListKey(delivery.SubscriptionId), Due];
        RedisValue[] values = [WebhookJson.Write(delivery), delivery.CreatedAt.ToUnixTimeMilliseconds(), delivery.Id, RetentionSeconds];
        return (int)await database.ScriptEvaluateAsync(EnqueueScript, keys, values).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max)
    {
        var database = await DatabaseAsync();
        var claimed = (RedisResult[]?)await database.ScriptEvaluateAsync(
            ClaimScript, [Due], [now.ToUnixTimeMilliseconds(), leaseUntil.ToUnixTimeMilliseconds(), max]).ConfigureAwait(false) ?? [];
        var deliveries = new List<WebhookDelivery>(claimed.Length);
        foreach (var id in claimed.Select(c => (string)c!))
        {
            var delivery = WebhookJson.Read<WebhookDelivery>(await database.StringGetAsync(DeliveryKey(id)).ConfigureAwait(false));
            if (delivery is null || delivery.State != DeliveryState.Pending)
            {
                // Expired or settled: nothing is owed any more.
                await database.SortedSetRemoveAsync(Due, id).ConfigureAwait(false);
                continue;
            }

            deliveries.Add(delivery);
        }

        return deliveries;
    }

    public async Task SaveAsync(WebhookDelivery delivery)
    {
        var transaction = (await DatabaseAsync()).CreateTransaction();
        _ = transaction.StringSetAsync(DeliveryKey(delivery.Id), WebhookJson.Write(delivery), options.Value.DeliveryRetention);
        _ = transaction.SortedSetAddAsync(ListKey(delivery.SubscriptionId), delivery.Id, delivery.CreatedAt.ToUnixTimeMilliseconds());
        _ = delivery is { State: DeliveryState.Pending, NextAttemptAt: { } due }
            ? transaction.SortedSetAddAsync(Due, delivery.Id, due.ToUnixTimeMilliseconds())
            : transaction.SortedSetRemoveAsync(Due, delivery.Id);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<WebhookDelivery?> DeliveryAsync(string subscriptionId, string deliveryId)
    {
        var delivery = WebhookJson.Read<WebhookDelivery>(await (await DatabaseAsync()).StringGetAsync(DeliveryKey(deliveryId)).ConfigureAwait(false));
        return delivery?.SubscriptionId == subscriptionId ? delivery : null;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int max)
    {
        var database = await DatabaseAsync();
        var ids = await database.SortedSetRangeByRankAsync(ListKey(subscriptionId), 0, max - 1, Order.Descending).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await database.StringGetAsync([.. ids.Select(id => DeliveryKey(id!))]).ConfigureAwait(false);
        return [.. values.Where(v => v.HasValue).Select(v => WebhookJson.Read<WebhookDelivery>(v)!)];
    }

    private RedisKey DeliveryKey(string id) => $"{_prefix}delivery:{id}";

    private RedisKey ListKey(string subscriptionId) => $"{_prefix}deliveries:{subscriptionId}";

    private async Task<IDatabase> DatabaseAsync() => (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
}
