using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;
using ContentApi.Tests.OpenApi;

namespace ContentApi.Tests.Webhooks;

/// <summary>
/// Webhooks end to end against a real redis-server and a receiver on a loopback port: a content change reaches the
/// receiver signed, retries carry it through a receiver's outage and an instance's restart, and a delivery that runs
/// out of tries waits in the dead letters until an admin redelivers it; a change noticed while Redis is frozen is not lost.
/// </summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly WebhookScenario _scenario = new();

    [Fact]
    public async Task A_content_change_delivers_a_signed_event_that_the_documented_verification_accepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.Start(o => _scenario.Configure(o.WithRedis()));
        var (subscription, secret) = await WebhookScenario.SubscribeAsync(host.Client, receiver.Url);

        await _scenario.ChangeContentAsync(host);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Accepted.Count > 0), "the webhook to arrive");

        var received = Assert.Single(receiver.Accepted);
        Assert.True(StandardWebhookVerifier.Verify(secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.False(StandardWebhookVerifier.Verify(secret, received.Id, received.Timestamp, received.Signature, received.Body + " ", DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture))));

        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("content.updated", body.RootElement.GetProperty("type").GetString());
        Assert.Null(new ContractConformance(File.ReadAllText(Repository.ContractPath("v2"))).FirstWebhookBreach("content.updated", received.Body));
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("guidance", data.GetProperty("kind").GetString());
        Assert.Equal("stay-calm", data.GetProperty("id").GetString());
        Assert.Equal("en-GB", data.GetProperty("locale").GetString());
        Assert.Equal("/api/v2/guidance/stay-calm?locale=en-GB", data.GetProperty("href").GetString());

        // The same fields, and the same hash, as the item itself and the changes feed.
        var item = await (await host.Client.GetAsync(data.GetProperty("href").GetString())).JsonAsync();
        Assert.Equal(item.GetProperty("contentHash").GetString(), data.GetProperty("contentHash").GetString());
        var feed = await (await host.Client.GetAsync("/api/v2/changes?since=2026-11-24T00:00:00Z")).JsonAsync();
        var change = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal(change.GetProperty("contentHash").GetString(), data.GetProperty("contentHash").GetString());

        var delivery = await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("state").GetString() == "delivered", "the delivery to be recorded");
        Assert.Equal(received.Id, delivery.GetProperty("messageId").GetString());
        Assert.Equal(204, Assert.Single(delivery.GetProperty("attempts").EnumerateArray()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_fails_five_times_then_succeeds_gets_the_event_once_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 5);
        await using var host = await TestHost.Start(o => _scenario.Configure(o.WithRedis(), retries: 6));
        var (subscription, secret) = await WebhookScenario.SubscribeAsync(host.Client, receiver.Url);

        await _scenario.ChangeContentAsync(host);
        var delivery = await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("state").GetString() == "delivered", "the delivery to succeed");

        Assert.Equal(6, receiver.All.Count);
        var accepted = Assert.Single(receiver.Accepted);
        Assert.All(receiver.All, r => Assert.Equal(accepted.Id, r.Id)); // one webhook-id across every retry
        Assert.True(StandardWebhookVerifier.Verify(secret, accepted.Id, accepted.Timestamp, accepted.Signature, accepted.Body, DateTimeOffset.FromUnixTimeSeconds(long.Parse(accepted.Timestamp, System.Globalization.CultureInfo.InvariantCulture))));
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([500, 500, 500, 500, 500, 204], attempts.Select(a => a.GetProperty("status").GetInt32()));
        Assert.All(attempts.Take(5), a => Assert.Equal(256, a.GetProperty("response").GetString()!.Length)); // an excerpt, never the whole answer
    }

    [Fact]
    public async Task An_instance_restarted_mid_retry_still_delivers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        string subscription;
        string secret;
        await using (var before = await TestHost.Start(o => _scenario.Configure(o.WithRedis(redis), firstRetry: "00:00:03")))
        {
            (subscription, secret) = await WebhookScenario.SubscribeAsync(before.Client, receiver.Url);
            await _scenario.ChangeContentAsync(before);
            await WebhookScenario.DeliveryWhenAsync(before.Client, subscription, d => d.GetProperty("attempts").GetArrayLength() == 1, "the first attempt to fail");
        }

        // The retry is owed in Redis; a new instance on the same Redis takes it over and can read the secret.
        await using var after = await TestHost.Start(o => _scenario.Configure(o.WithRedis(redis), firstRetry: "00:00:03"));
        var delivery = await WebhookScenario.DeliveryWhenAsync(after.Client, subscription, d => d.GetProperty("state").GetString() == "delivered", "the retry from the new instance");

        var accepted = Assert.Single(receiver.Accepted);
        Assert.Equal(accepted.Id, receiver.All[0].Id);
        Assert.True(StandardWebhookVerifier.Verify(secret, accepted.Id, accepted.Timestamp, accepted.Signature, accepted.Body, DateTimeOffset.FromUnixTimeSeconds(long.Parse(accepted.Timestamp, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(2, delivery.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task A_change_noticed_while_Redis_is_frozen_is_delivered_once_Redis_answers_again()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.Start(o => _scenario.Configure(o.WithRedis(redis)));
        var (subscription, _) = await WebhookScenario.SubscribeAsync(host.Client, receiver.Url);

        redis.Pause();
        try
        {
            await _scenario.ChangeContentAsync(host);

            // Several polls fail to record it meanwhile; none may mark the change as seen.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Empty(receiver.All);
        }
        finally
        {
            redis.Resume();
        }

        await Poll.UntilAsync(() => Task.FromResult(receiver.Accepted.Count > 0), "the change to be delivered after Redis returned");
        using var body = JsonDocument.Parse(Assert.Single(receiver.Accepted).Body);
        Assert.Equal("content.updated", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("stay-calm", body.RootElement.GetProperty("data").GetProperty("id").GetString());
        await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("state").GetString() == "delivered", "the delivery to be recorded");
    }

    [Fact]
    public async Task A_delivery_is_dead_lettered_after_the_last_try_and_an_admin_can_redeliver_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        await using var host = await TestHost.Start(o => _scenario.Configure(o.WithRedis(), retries: 2));
        var (subscription, _) = await WebhookScenario.SubscribeAsync(host.Client, receiver.Url);

        await _scenario.ChangeContentAsync(host);
        var dead = await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("state").GetString() == "dead-letter", "the delivery to be dead-lettered");
        Assert.Equal(3, dead.GetProperty("attempts").GetArrayLength());
        Assert.Empty(receiver.Accepted);

        var id = dead.GetProperty("id").GetString();
        var redelivered = await (await WebhookScenario.SendAsync(host.Client, HttpMethod.Post, $"/admin/webhooks/{subscription}/deliveries/{id}/redeliver")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", redelivered.GetProperty("state").GetString());

        var delivered = await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("state").GetString() == "delivered", "the redelivery");
        Assert.Equal(4, delivered.GetProperty("attempts").GetArrayLength());
        Assert.Equal(dead.GetProperty("messageId").GetString(), Assert.Single(receiver.Accepted).Id);
    }

    [Fact]
    public async Task A_private_address_is_refused_when_not_allowed_even_behind_a_name()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.Start(o => _scenario.Configure(o, allowPrivate: false));

        var literal = await (await WebhookScenario.SendAsync(host.Client, HttpMethod.Post, "/admin/webhooks", new { url = receiver.Url, events = new[] { "content.updated" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("private, loopback or link-local", literal.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);

        // A name is checked on the address it resolves to, when connecting.
        var byName = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;
        var (subscription, _) = await WebhookScenario.SubscribeAsync(host.Client, byName);
        await _scenario.ChangeContentAsync(host);
        var refused = await WebhookScenario.DeliveryWhenAsync(host.Client, subscription, d => d.GetProperty("attempts").GetArrayLength() > 0, "an attempt to be recorded");

        var attempt = refused.GetProperty("attempts")[0];
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("status").ValueKind);
        Assert.Contains("Refused", attempt.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.All);
    }

    public void Dispose() => _scenario.Dispose();
}
