using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    public Uri BaseAddress { get; private set; } = null!;

    public UpstreamMode Mode { get; set; } = UpstreamMode.Healthy;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests to this path are delayed by <see cref="SlowDelay"/> even when healthy (to make concurrency certain).</summary>
    public string? SlowPath { get; set; }

    public string Version { get; set; } = "v1";

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public static string NameOf(string id, string version) => $"{id} police (stub {version})";

    public static async Task<StubForcesUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubForcesUpstream(app);

        app.Use(async (context, next) =>
        {
            stub.Hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
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
        app.MapGet("/api/forces", () => ListedIds.Select(id => new { id, name = NameOf(id, stub.Version) }));
        app.MapGet("/api/forces/{id}", (string id) => new
        {
            id,
            name = NameOf(id, stub.Version),
            url = $"http://www.{id}.police.uk/",
            telephone = "101",
            description = (string?)null,
            engagement_methods = new[]
            {
                new { type = "facebook", title = "Facebook", url = $"https://social.example/{id}", description = (string?)null },
            },
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    public int HitsOn(string path) => Hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
