using System.Net.Sockets;
using System.Text;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// SIGTERM to the real host process, as <c>docker stop</c> or a Kubernetes rollout sends it: the server stops taking
/// connections, requests already running finish, and the process exits, within <c>Shutdown:Timeout</c> at most.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string Body = """{"all": true}""";

    [Fact]
    public async Task A_request_in_flight_at_SIGTERM_gets_its_response_while_new_connections_are_refused()
    {
        await using var api = await StartAsync(shutdownTimeout: "00:00:30");
        var host = api.Process;
        using var inFlight = await StartPurgeAsync(host);

        host.Terminate();
        await Poll.UntilAsync(async () => !await AcceptsConnectionsAsync(host.Address), "the host to stop accepting connections");
        Assert.False(host.HasExited, $"The host exited with a request still running:\n{host.Output}");

        var stream = inFlight.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Body[6..]));
        var response = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(response.StartsWith("HTTP/1.1 200", StringComparison.Ordinal), $"Response:\n{response}\nHost output:\n{host.Output}");
        Assert.Contains("\"scope\":\"all\"", response, StringComparison.Ordinal);
        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"The host did not exit after its last request:\n{host.Output}");
        Assert.Equal(0, host.ExitCode);
    }

    [Fact]
    public async Task A_request_that_never_finishes_holds_shutdown_no_longer_than_the_timeout()
    {
        await using var api = await StartAsync(shutdownTimeout: "00:00:02");
        var host = api.Process;
        using var stuck = await StartPurgeAsync(host);
        var terminatedAt = DateTime.UtcNow;

        host.Terminate();

        // The timeout is 2 s; the limit leaves room for a loaded machine but is far below an orchestrator's patience.
        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(20)), $"The host was still running 20 s after SIGTERM:\n{host.Output}");
        Assert.True(DateTime.UtcNow - terminatedAt >= TimeSpan.FromSeconds(1.5), "The host gave up on the running request before the timeout.");
        Assert.Equal(0, host.ExitCode);
    }

    private static Task<TestHost> StartAsync(string shutdownTimeout) => TestHost.Start(o => o.AsProcess().WithSettings(
        ("Shutdown:Timeout", shutdownTimeout),
        // "Request starting" tells the test the request has reached the application.
        ("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")));

    /// <summary>An admin purge whose headers and first bytes of body have arrived: the request is running, waiting for the rest.</summary>
    private static async Task<TcpClient> StartPurgeAsync(ApiProcess host)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(host.Address.Host, host.Address.Port);
        var head = $"POST /admin/cache/purge HTTP/1.1\r\nHost: {host.Address.Authority}\r\nX-Api-Key: {TestKeys.Admin}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body[..6]}";
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
        await Poll.UntilAsync(() => Task.FromResult(host.Output.Contains("Request starting HTTP/1.1 POST", StringComparison.Ordinal)), "the purge request to reach the application");
        return tcp;
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri address)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(address.Host, address.Port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
