using System.Text.Json;
using System.Text.Json.Serialization;
using ContentApi.Host.Features.Changes;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>A subscription to register.</summary>
/// <param name="Url">Where events are posted: https (http only where configured), never a private address unless allowed.</param>
/// <param name="Events">Any of content.created, content.updated, content.withdrawn, content.withheld.</param>
/// <param name="Force">A force id: that force's items as well as national ones (as the changes feed's force).</param>
/// <param name="Kinds">Only these kinds (guidance, contact...); every kind the changes feed carries when absent.</param>
public sealed record WebhookSubscriptionRequest(string? Url, IReadOnlyList<string>? Events, string? Force, IReadOnlyList<string>? Kinds);

/// <summary>A registered subscription (its secret is shown once, when it is created).</summary>
public sealed record WebhookSubscriptionResource(string Id, string Url, IReadOnlyList<string> Events, string? Force, IReadOnlyList<string>? Kinds, DateTimeOffset CreatedAt);

/// <summary>A subscription just created, with the signing secret: keep it now, it is never shown again.</summary>
public sealed record CreatedWebhookSubscription(string Id, string Url, IReadOnlyList<string> Events, string? Force, IReadOnlyList<string>? Kinds, DateTimeOffset CreatedAt, string Secret);

/// <summary>The body of every webhook request (Standard Webhooks: type, timestamp, data).</summary>
/// <param name="Type">content.created, content.updated, content.withdrawn or content.withheld.</param>
/// <param name="Timestamp">When the change was noticed.</param>
/// <param name="Data">The change, with the same fields as an entry of the changes feed (href in v2).</param>
public sealed record WebhookEvent(string Type, DateTimeOffset Timestamp, ChangeResource Data);

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Not yet accepted by the receiver; the next attempt is due at nextAttemptAt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every try failed; nothing more is sent unless an admin redelivers it.</summary>
    DeadLetter,
}

/// <summary>One attempt to deliver an event.</summary>
/// <param name="At">When it was sent.</param>
/// <param name="Status">The receiver's HTTP status; null when there was no answer.</param>
/// <param name="Response">The start of the receiver's answer (at most 256 characters), or why there was none.</param>
/// <param name="DurationMilliseconds">How long it took.</param>
public sealed record DeliveryAttempt(DateTimeOffset At, int? Status, string? Response, double DurationMilliseconds);

/// <summary>One event for one subscription, and every attempt made to deliver it.</summary>
/// <param name="Id">The delivery's id, for redelivery.</param>
/// <param name="SubscriptionId">The subscription it is for.</param>
/// <param name="MessageId">The webhook-id header: the same on every attempt, so receivers can ignore repeats.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Payload">The exact body sent.</param>
/// <param name="State">pending, delivered or dead-letter.</param>
/// <param name="CreatedAt">When the event was recorded.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while pending.</param>
/// <param name="Attempts">The latest attempts (at most 50), oldest first.</param>
/// <param name="FailuresInARow">Failed attempts since the last success or redelivery; past the retries it is dead-lettered.</param>
public sealed record WebhookDelivery(
    string Id, string SubscriptionId, string MessageId, string EventType, string Payload, DeliveryState State,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttempt> Attempts, int FailuresInARow);

/// <summary>A subscription as stored: its secret only as Data Protection's ciphertext, never in plain.</summary>
internal sealed record StoredSubscription(
    string Id, string Url, IReadOnlyList<string> Events, string? Force, IReadOnlyList<string>? Kinds, DateTimeOffset CreatedAt, string ProtectedSecret)
{
    public WebhookSubscriptionResource ToResource() => new(Id, Url, Events, Force, Kinds, CreatedAt);

    /// <summary>The same filters as the changes feed: national items always, the force's own with force.</summary>
    public bool Wants(ChangeEvent change, string eventType) =>
        Events.Contains(eventType, StringComparer.Ordinal)
        && ChangeFeed.InScope(change.ForceId, Force)
        && (Kinds is null || Kinds.Contains(change.Key.Kind, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The event types, one per kind of change in the feed.</summary>
internal static class WebhookEventTypes
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ChangeType>().Select(Of)];

    public static string Of(ChangeType type) => "content." + type.ToString().ToLowerInvariant();
}

/// <summary>How subscriptions and deliveries are written to the outbox (Redis or memory).</summary>
internal static class WebhookJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
