using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A tiny real HTTP server on 127.0.0.1 standing in for a plugin's remote source. Tests switch what it does (serve,
/// fail, hang) and count the requests that reach it, to see timeouts and the circuit breaker at work.
/// </summary>
public sealed class StubUpstream : IAsyncDisposable
{
    public enum Behaviour
    {
        Serve,
        Fail,
        Hang,
    }

    private readonly WebApplication _app;
    private int _requests;

    private StubUpstream(WebApplication app) => _app = app;

    public string Body { get; set; } = string.Empty;

    public Behaviour Mode { get; set; } = Behaviour.Serve;

    public int Requests => Volatile.Read(ref _requests);

    public Uri ContentUrl { get; private set; } = null!;

    public static async Task<StubUpstream> StartAsync(string body)
    {
        StubUpstream? stub = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapGet("/content.yaml", async (HttpContext http) =>
        {
            Interlocked.Increment(ref stub!._requests);
            switch (stub.Mode)
            {
                case Behaviour.Fail:
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                case Behaviour.Hang:
                    await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                default:
                    http.Response.ContentType = "application/yaml";
                    await http.Response.WriteAsync(stub.Body, http.RequestAborted);
                    return;
            }
        }));
        stub = new StubUpstream(app) { Body = body, ContentUrl = new Uri(address, "content.yaml") };
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
