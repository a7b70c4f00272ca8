using Microsoft.Extensions.Options;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// Subscriptions and the deliveries owed to them. In Redis (<see cref="RedisWebhookOutbox"/>) they survive a restart
/// and are shared by every instance; without Redis (<see cref="MemoryWebhookOutbox"/>) they live in this instance only.
/// </summary>
internal interface IWebhookOutbox
{
    /// <summary>True when deliveries survive a restart of this instance and are shared with every other one.</summary>
    bool IsShared { get; }

    Task SaveSubscriptionAsync(StoredSubscription subscription);

    Task<StoredSubscription?> SubscriptionAsync(string id);

    Task<IReadOnlyList<StoredSubscription>> SubscriptionsAsync();

    /// <summary>Removes a subscription; its deliveries are never attempted again (Redis lets them expire, memory forgets them).</summary>
    Task<bool> DeleteSubscriptionAsync(string id);

    /// <summary>
    /// Records a delivery due now, unless the same message was already recorded for the subscription (several instances
    /// notice the same change): false then.
    /// </summary>
    Task<bool> EnqueueAsync(WebhookDelivery delivery);

    /// <summary>
    /// Takes up to <paramref name="max"/> deliveries that are due, each for this instance alone until
    /// <paramref name="leaseUntil"/> (after which another instance may take it, if this one never saved it).
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max);

    /// <summary>Saves a delivery after an attempt or a redelivery; due again at its NextAttemptAt while pending.</summary>
    Task SaveAsync(WebhookDelivery delivery);

    Task<WebhookDelivery?> DeliveryAsync(string subscriptionId, string deliveryId);

    /// <summary>The subscription's latest deliveries, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int max);
}

/// <summary>
/// Deliveries in this instance's memory: lost on restart, and each instance delivers what it noticed itself. Bounded as
/// Redis bounds its copy: a delivery is forgotten <see cref="WebhookOptions.DeliveryRetention"/> after it was recorded,
/// and each subscription keeps its latest <see cref="SettledKeptPerSubscription"/> settled deliveries (delivered or
/// dead-lettered); a pending delivery is never dropped for room, so nothing owed is lost.
/// </summary>
internal sealed class MemoryWebhookOutbox(IOptions<WebhookOptions> options, TimeProvider time) : IWebhookOutbox
{
    /// <summary>As many as the Redis outbox lists per subscription.</summary>
    public const int SettledKeptPerSubscription = 1_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebhookDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly HashSet<(string Subscription, string Message)> _seen = [];
    private readonly Dictionary<string, DateTimeOffset> _leases = new(StringComparer.Ordinal);

    public bool IsShared => false;

    /// <summary>How many deliveries are held, of every subscription and state.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _deliveries.Count;
            }
        }
    }

    public Task SaveSubscriptionAsync(StoredSubscription subscription) => Locked(() => _subscriptions[subscription.Id] = subscription);

    public Task<StoredSubscription?> SubscriptionAsync(string id) => Locked(() => _subscriptions.GetValueOrDefault(id));

    public Task<IReadOnlyList<StoredSubscription>> SubscriptionsAsync() =>
        Locked<IReadOnlyList<StoredSubscription>>(() => [.. _subscriptions.Values.OrderBy(s => s.CreatedAt)]);

    /// <summary>Its deliveries go with it: they would never be attempted again.</summary>
    public Task<bool> DeleteSubscriptionAsync(string id) => Locked(() =>
    {
        Forget(_deliveries.Values.Where(d => d.SubscriptionId == id).ToList());
        return _subscriptions.Remove(id);
    });

    public Task<bool> EnqueueAsync(WebhookDelivery delivery) => Locked(() =>
    {
        if (!_seen.Add((delivery.SubscriptionId, delivery.MessageId)))
        {
            return false;
        }

        _deliveries[delivery.Id] = delivery;
        ForgetExpired();
        return true;
    });

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max) =>
        Locked<IReadOnlyList<WebhookDelivery>>(() =>
        {
            var due = _deliveries.Values
                .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && _subscriptions.ContainsKey(d.SubscriptionId))
                .Where(d => !_leases.TryGetValue(d.Id, out var lease) || lease <= now)
                .OrderBy(d => d.NextAttemptAt)
                .Take(max)
                .ToList();
            due.ForEach(d => _leases[d.Id] = leaseUntil);
            return due;
        });

    public Task SaveAsync(WebhookDelivery delivery) => Locked(() =>
    {
        if (!_deliveries.ContainsKey(delivery.Id))
        {
            return; // Forgotten while it was being attempted (its subscription was deleted).
        }

        _deliveries[delivery.Id] = delivery;
        _leases.Remove(delivery.Id);
        if (delivery.State != DeliveryState.Pending)
        {
            ForgetOldestSettled(delivery.SubscriptionId);
        }
    });

    public Task<WebhookDelivery?> DeliveryAsync(string subscriptionId, string deliveryId) =>
        Locked(() => _deliveries.TryGetValue(deliveryId, out var d) && d.SubscriptionId == subscriptionId ? d : null);

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int max) =>
        Locked<IReadOnlyList<WebhookDelivery>>(() =>
            [.. _deliveries.Values.Where(d => d.SubscriptionId == subscriptionId).OrderByDescending(d => d.CreatedAt).Take(max)]);

    private void ForgetExpired()
    {
        var cutoff = time.GetUtcNow() - options.Value.DeliveryRetention;
        Forget(_deliveries.Values.Where(d => d.CreatedAt < cutoff).ToList());
    }

    private void ForgetOldestSettled(string subscriptionId)
    {
        var settled = _deliveries.Values.Where(d => d.SubscriptionId == subscriptionId && d.State != DeliveryState.Pending).ToList();
        if (settled.Count > SettledKeptPerSubscription)
        {
            Forget(settled.OrderBy(d => d.CreatedAt).Take(settled.Count - SettledKeptPerSubscription).ToList());
        }
    }

    private void Forget(List<WebhookDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            _deliveries.Remove(delivery.Id);
            _leases.Remove(delivery.Id);
            _seen.Remove((delivery.SubscriptionId, delivery.MessageId));
        }
    }

    private Task<T> Locked<T>(Func<T> work)
    {
        lock (_lock)
        {
            return Task.FromResult(work());
        }
    }

    private Task Locked(Action work)
    {
        lock (_lock)
        {
            work();
            return Task.CompletedTask;
        }
    }
}
