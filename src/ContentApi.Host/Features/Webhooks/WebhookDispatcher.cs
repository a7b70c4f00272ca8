using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContentApi.Host.Features.Changes;
using Microsoft.AspNetCore.DataProtection;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// Turns what the changes feed newly shows into deliveries in the outbox, and delivers what is due. Every instance runs
/// it: each notices the changes of its own reloads (the outbox records a message once per subscription however many
/// instances notice it), and each claims due deliveries one at a time from the shared outbox, so every event reaches
/// each subscription once it answers 2xx, even across restarts. Retries wait longer each time (exponential, with
/// jitter) over about a day, then the delivery is dead-lettered until an admin redelivers it.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IWebhookOutbox outbox,
    ContentStore store,
    ReviewPolicy reviews,
    IHttpClientFactory clients,
    IDataProtectionProvider protection,
    IOptions<WebhookOptions> options,
    IOptions<HttpJsonOptions> json,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ProtectionPurpose = "ContentApi.Webhooks.Secret";
    private const int ClaimBatch = 20;
    private const int ExcerptLength = 256;
    private const int KeptAttempts = 50;

    private readonly IDataProtector _protector = protection.CreateProtector(ProtectionPurpose);
    private ChangeFeedView? _seen;

    /// <summary>Encrypts a new subscription's secret for storage.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>Makes a delivery due again now, with the same webhook-id; a new round of retries begins.</summary>
    public async Task<WebhookDelivery> RedeliverAsync(WebhookDelivery delivery)
    {
        var again = delivery with { State = DeliveryState.Pending, NextAttemptAt = time.GetUtcNow(), FailuresInARow = 0 };
        await outbox.SaveAsync(again).ConfigureAwait(false);
        return again;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before the first await, so before the host serves: content loaded at startup is where this instance starts,
        // and a reload a moment later is already news.
        _seen = new ChangeFeedView(store.State, reviews.Now());
        if (outbox.IsShared)
        {
            LogShared();
        }
        else
        {
            LogMemoryOnly();
        }

        await RedisPolling.EveryAsync(
            options.Value.PollInterval,
            async () =>
            {
                await NoticeChangesAsync().ConfigureAwait(false);
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            },
            stoppingToken,
            LogTickFailed).ConfigureAwait(false);
    }

    private async Task NoticeChangesAsync()
    {
        var now = new ChangeFeedView(store.State, reviews.Now());
        if (_seen is null || !_seen.State.Snapshot.IsLoaded)
        {
            // The first content this instance loads is where it starts: what it holds then is not news.
            _seen = now;
            return;
        }

        // A new day can withhold an overdue item without any reload.
        if (ReferenceEquals(_seen.State, now.State) && _seen.Reviews == now.Reviews)
        {
            return;
        }

        var changes = ChangeFeed.Between(_seen, now);
        if (changes.Count > 0)
        {
            var subscriptions = await outbox.SubscriptionsAsync().ConfigureAwait(false);
            foreach (var change in changes)
            {
                await EnqueueAsync(change, subscriptions).ConfigureAwait(false);
            }
        }

        // Only once every delivery is recorded: when the outbox fails, the same changes are recorded on the next tick.
        _seen = now;
    }

    private async Task EnqueueAsync(ChangeEvent change, IReadOnlyList<StoredSubscription> subscriptions)
    {
        var type = WebhookEventTypes.Of(change.Type);
        var noticed = time.GetUtcNow();
        var body = JsonSerializer.Serialize(new WebhookEvent(type, noticed, ChangesApi.ToResource(change, ApiVersions.V2)), json.Value.SerializerOptions);
        var messageId = MessageId(change, type);
        foreach (var subscription in subscriptions.Where(s => s.Wants(change, type)))
        {
            var delivery = new WebhookDelivery(
                "dlv_" + Guid.NewGuid().ToString("N"), subscription.Id, messageId, type, body, DeliveryState.Pending, noticed, noticed, [], 0);
            if (await outbox.EnqueueAsync(delivery).ConfigureAwait(false))
            {
                LogEnqueued(type, change.Key.Kind, change.Key.Id, subscription.Id);
            }
        }
    }

    // The same change (item, kind of change, content) gets the same id on every instance, so it is recorded once.
    private static string MessageId(ChangeEvent change, string type) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{type}|{change.Key.Kind}|{change.Key.Id}|{change.Key.Locale}|{change.ContentHash}")))[..32];

    private async Task DeliverDueAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now + options.Value.ClaimLease, ClaimBatch).ConfigureAwait(false);
        await Task.WhenAll(due.Select(d => AttemptAsync(d, stoppingToken))).ConfigureAwait(false);
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var subscription = await outbox.SubscriptionAsync(delivery.SubscriptionId).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var attempt = subscription is null
            ? new DeliveryAttempt(started, null, "Not sent: the subscription was deleted.", 0)
            : await SendAsync(subscription, delivery, started, stoppingToken).ConfigureAwait(false);
        var failures = attempt.Status is >= 200 and < 300 ? 0 : delivery.FailuresInARow + 1;
        var state = failures == 0 ? DeliveryState.Delivered
            : subscription is null || failures > options.Value.Retries ? DeliveryState.DeadLetter
            : DeliveryState.Pending;
        DateTimeOffset? next = state == DeliveryState.Pending
            ? time.GetUtcNow() + options.Value.RetryDelay(failures, Random.Shared.NextDouble())
            : null;
        await outbox.SaveAsync(delivery with
        {
            State = state,
            NextAttemptAt = next,
            FailuresInARow = failures,
            Attempts = [.. delivery.Attempts.Append(attempt).TakeLast(KeptAttempts)],
        }).ConfigureAwait(false);
        if (state == DeliveryState.DeadLetter)
        {
            LogDeadLettered(delivery.Id, delivery.SubscriptionId, failures);
        }
    }

    private async Task<DeliveryAttempt> SendAsync(StoredSubscription subscription, WebhookDelivery delivery, DateTimeOffset at, CancellationToken stoppingToken)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var secret = _protector.Unprotect(subscription.ProtectedSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, delivery.MessageId, timestamp, delivery.Payload));

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(WebhookDestinations.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return new DeliveryAttempt(at, (int)response.StatusCode, await ExcerptAsync(response, timeout.Token).ConfigureAwait(false), watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s." : ex.Message;
            return new DeliveryAttempt(at, null, Excerpt(why), watch.Elapsed.TotalMilliseconds);
        }
    }

    // Only the start of the answer is read, and kept: a receiver cannot make this API hold its whole body.
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[ExcerptLength * 4];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return Excerpt(Encoding.UTF8.GetString(buffer, 0, read));
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength];

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: deliveries are kept in Redis, shared by every instance and kept across restarts")]
    private partial void LogShared();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: Redis is not configured; deliveries are kept in this instance's memory only and lost on restart")]
    private partial void LogMemoryOnly();

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Type} of {Kind} {Id} recorded for subscription {SubscriptionId}")]
    private partial void LogEnqueued(string type, string kind, string id, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: delivery {DeliveryId} for subscription {SubscriptionId} dead-lettered after {Failures} failed attempts")]
    private partial void LogDeadLettered(string deliveryId, string subscriptionId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: a poll failed; the next one tries again")]
    private partial void LogTickFailed(Exception exception);
}
