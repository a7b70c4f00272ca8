using ContentApi.Host.Features.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.Tests.Webhooks;

/// <summary>Without Redis the outbox lives in memory: it must stay bounded as Redis's copy is, and never drop what is still owed.</summary>
public sealed class MemoryWebhookOutboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly MemoryWebhookOutbox _outbox;

    public MemoryWebhookOutboxTests() =>
        _outbox = new MemoryWebhookOutbox(Options.Create(new WebhookOptions { DeliveryRetention = TimeSpan.FromDays(14) }), _time);

    [Fact]
    public async Task Settled_deliveries_beyond_the_kept_number_are_forgotten_oldest_first_and_pending_ones_never_are()
    {
        await Subscribe();
        var extra = 250;
        for (var i = 0; i < MemoryWebhookOutbox.SettledKeptPerSubscription + extra; i++)
        {
            var delivery = Delivery($"d{i}", _time.GetUtcNow());
            Assert.True(await _outbox.EnqueueAsync(delivery));
            await _outbox.SaveAsync(delivery with { State = DeliveryState.Delivered, NextAttemptAt = null });
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var owed = Delivery("owed", Start.AddSeconds(-1));
        Assert.True(await _outbox.EnqueueAsync(owed));

        Assert.Equal(MemoryWebhookOutbox.SettledKeptPerSubscription + 1, _outbox.Count);
        Assert.Null(await _outbox.DeliveryAsync("sub", "d0"));
        Assert.Null(await _outbox.DeliveryAsync("sub", $"d{extra - 1}"));
        Assert.NotNull(await _outbox.DeliveryAsync("sub", $"d{extra}"));
        Assert.Equal(DeliveryState.Pending, (await _outbox.DeliveryAsync("sub", "owed"))!.State);
        Assert.Contains(await _outbox.ClaimDueAsync(_time.GetUtcNow(), _time.GetUtcNow().AddMinutes(1), 10), d => d.Id == "owed");
    }

    [Fact]
    public async Task Deliveries_are_forgotten_after_the_retention_and_their_message_may_be_recorded_again()
    {
        await Subscribe();
        var old = Delivery("old", Start);
        Assert.True(await _outbox.EnqueueAsync(old));
        Assert.False(await _outbox.EnqueueAsync(old with { Id = "same-message-again" }));

        _time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        Assert.True(await _outbox.EnqueueAsync(Delivery("new", _time.GetUtcNow())));

        Assert.Null(await _outbox.DeliveryAsync("sub", "old"));
        Assert.Equal(1, _outbox.Count);
        Assert.True(await _outbox.EnqueueAsync(old with { Id = "old-message-recorded-again", CreatedAt = _time.GetUtcNow() }));
    }

    [Fact]
    public async Task Deleting_a_subscription_forgets_its_deliveries_and_an_attempt_saved_after_that_is_not_kept()
    {
        await Subscribe();
        var delivery = Delivery("d", Start);
        await _outbox.EnqueueAsync(delivery);
        Assert.Single(await _outbox.ClaimDueAsync(Start, Start.AddMinutes(1), 10));

        Assert.True(await _outbox.DeleteSubscriptionAsync("sub"));
        await _outbox.SaveAsync(delivery with { State = DeliveryState.Delivered });

        Assert.Equal(0, _outbox.Count);
    }

    private Task Subscribe() =>
        _outbox.SaveSubscriptionAsync(new StoredSubscription("sub", "https://partner.example/hooks", ["content.updated"], null, null, Start, "secret"));

    private static WebhookDelivery Delivery(string id, DateTimeOffset createdAt) =>
        new(id, "sub", "msg_" + id, "content.updated", "{}", DeliveryState.Pending, createdAt, createdAt, [], 0);
}
