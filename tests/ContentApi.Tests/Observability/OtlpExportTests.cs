using System.Collections.Concurrent;
using System.Text;
using ContentApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ContentApi.Tests.Observability;

/// <summary>
/// Traces are recorded and sent when an OTLP collector is configured (here a local stand-in receiving OTLP/HTTP), and
/// not recorded at all when none is, since they would go nowhere.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<byte[]> _traceBatches = new();
    private WebApplication _collector = null!;
    private Uri _collectorAddress = null!;

    public async Task InitializeAsync() => (_collector, _collectorAddress) = await LoopbackServer.StartAsync(app =>
    {
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _traceBatches.Enqueue(body.ToArray());
            return Results.Ok();
        });
        app.MapPost("/v1/{signal}", () => Results.Ok()); // metrics and logs: accepted, not under test here
    });

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task With_a_collector_configured_each_request_is_traced_and_sent_to_it(string version)
    {
        await using var api = await TestHost.Start(o => o.WithSettings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", _collectorAddress.ToString().TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100")));
        var client = api.Client;

        await (await client.GetAsync($"/api/{version}/topics")).JsonAsync();

        Assert.NotNull(api.Services.GetService<TracerProvider>());
        await Poll.UntilAsync(
            () => Task.FromResult(_traceBatches.Any(batch => Encoding.UTF8.GetString(batch).Contains("/api/v{version:apiVersion}/topics", StringComparison.Ordinal))),
            "the request's span to reach the collector",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Without_a_collector_no_traces_are_recorded()
    {
        await using var api = await TestHost.Start();

        Assert.Null(api.Services.GetService<TracerProvider>());
    }
}
