using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A real server (nginx, varnishd) run as a child process for a test: its output is kept to explain a failure, it is
/// ready once its port accepts connections, and when the test ends it is stopped with TERM (killed if it lingers) and
/// its working folder removed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>What the server has written so far, to explain a failure.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="start"/> (which owns <paramref name="folder"/>) and waits until <paramref name="port"/> accepts connections.</summary>
    public static async Task<ServerProcess> StartAsync(ProcessStartInfo start, string folder, int port)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start; is its package installed?"), folder);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    Assert.False(server._process.HasExited, $"{start.FileName} exited during startup:\n{server.Output}");
                    using var client = new TcpClient();
                    try
                    {
                        await client.ConnectAsync("127.0.0.1", port);
                        return true;
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                },
                $"{start.FileName} to accept connections",
                StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // TERM is a graceful stop for both: nginx's master and varnishd's manager stop their children first.
            LocalProcesses.Signal(_process, "TERM");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
