using System.Collections.Concurrent;
using ContentApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentApi.Tests.Webhooks;

/// <summary>A partner's webhook endpoint on a loopback port: records every request, and fails the first few when told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;
    private int _failuresLeft;

    private WebhookReceiver(int failFirst) => _failuresLeft = failFirst;

    public Uri Url { get; private set; } = null!;

    /// <summary>Requests answered 2xx.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Accepted)];

    /// <summary>Every request, answered or failed.</summary>
    public IReadOnlyList<ReceivedWebhook> All => [.. _received];

    /// <summary>Starts a receiver that answers 500 to its first <paramref name="failFirst"/> requests, then 204.</summary>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver(failFirst);
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/hook", receiver.ReceiveAsync));
        receiver._app = app;
        receiver.Url = new Uri(address, "hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var accepted = Interlocked.Decrement(ref _failuresLeft) < 0;
        _received.Enqueue(new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(),
            body,
            accepted));
        return accepted ? Results.NoContent() : Results.Text(new string('x', 5000), statusCode: StatusCodes.Status500InternalServerError);
    }
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, bool Accepted);
