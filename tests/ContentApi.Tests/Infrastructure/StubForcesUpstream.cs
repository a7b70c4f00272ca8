using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentApi.Tests.Infrastructure;

/// <summary>How the stub upstream behaves.</summary>
public enum UpstreamMode
{
    /// <summary>Answers every request.</summary>
    Healthy,

    /// <summary>Answers 503 to everything.</summary>
    Failing,

    /// <summary>Answers, but only after <see cref="StubForcesUpstream.SlowDelay"/>.</summary>
    Slow,
}

/// <summary>
/// A small data.police.uk-compatible forces API on 127.0.0.1 (real Kestrel, real HTTP), so tests never touch the
/// internet. It lists three forces; any kebab-case id has a detail. Names carry <see cref="Version"/> so a test can
/// tell which fetch a response came from. It counts every request by path.
/// </summary>
public sealed class StubForcesUpstream : IAsyncDisposable
{
    private static readonly string[] ListedIds = ["kent", "gloucestershire", "example-new-force"];

    private readonly WebApplication _app;

    private StubForcesUpstream(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private init; } = null!;

    public UpstreamMode Mode { get; set; } = UpstreamMode.Healthy;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests to this path are delayed by <see cref="SlowDelay"/> even when healthy (to make concurrency certain).</summary>
    public string? SlowPath { get; set; }

    public string Version { get; set; } = "v1";

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public static string NameOf(string id, string version) => $"{id} police (stub {version})";

    public static async Task<StubForcesUpstream> StartAsync()
    {
        StubForcesUpstream? stub = null;
        var (app, address) = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                stub!.Hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
                if (stub.Mode == UpstreamMode.Failing)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                if (stub.Mode == UpstreamMode.Slow || context.Request.Path == stub.SlowPath)
                {
                    await Task.Delay(stub.SlowDelay, context.RequestAborted);
                }

                await next(context);
            });
            app.MapGet("/api/forces", () => ListedIds.Select(id => new { id, name = NameOf(id, stub!.Version) }));
            app.MapGet("/api/forces/{id}", (string id) => new
            {
                id,
                name = NameOf(id, stub!.Version),
                url = $"http://www.{id}.police.uk/",
                telephone = "101",
                description = (string?)null,
                engagement_methods = new[]
                {
                    new { type = "facebook", title = "Facebook", url = $"https://social.example/{id}", description = (string?)null },
                },
            });
        });
        stub = new StubForcesUpstream(app) { BaseAddress = address };
        return stub;
    }

    public int HitsOn(string path) => Hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
