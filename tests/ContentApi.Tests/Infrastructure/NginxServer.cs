using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The shipped <c>deploy/nginx.conf</c>, run by Debian's nginx in front of test hosts: only its addresses (the upstream
/// servers, the listening port), its worker count and its working folders are changed, so what the edge blocks and how
/// it answers is what production runs. Stopped (with its workers) when the test ends.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private NginxServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri Address { get; }

    /// <summary>nginx's access and error logs so far, to explain a failure.</summary>
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

    /// <summary>Starts nginx in front of <paramref name="upstreams"/> and waits until it accepts connections.</summary>
    public static async Task<NginxServer> StartAsync(params Uri[] upstreams)
    {
        var folder = Directory.CreateTempSubdirectory("contentapi-nginx-").FullName;
        var port = LocalProcesses.FreePort();
        var configuration = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Adapt(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "nginx.conf")), folder, port, upstreams));

        var start = new ProcessStartInfo("nginx")
        {
            ArgumentList = { "-c", configuration, "-p", folder + "/", "-e", "stderr", "-g", $"daemon off; pid {folder}/nginx.pid;" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var nginx = new NginxServer(Process.Start(start) ?? throw new InvalidOperationException("nginx did not start; is the nginx package installed?"), folder, port);
        nginx._process.OutputDataReceived += (_, e) => nginx.Append(e.Data);
        nginx._process.ErrorDataReceived += (_, e) => nginx.Append(e.Data);
        nginx._process.BeginOutputReadLine();
        nginx._process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    Assert.False(nginx._process.HasExited, $"nginx exited during startup:\n{nginx.Output}");
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
                "nginx to accept connections",
                StartTimeout);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // TERM is nginx's fast shutdown: the master stops its workers before it exits.
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

    private static string Adapt(string shipped, string folder, int port, Uri[] upstreams)
    {
        var servers = string.Concat(upstreams.Select(u => $"    server {u.Host}:{u.Port.ToString(CultureInfo.InvariantCulture)};\n"));
        var adapted = UpstreamServers().Replace(shipped, string.Empty)
            .Replace("least_conn;", "least_conn;\n" + servers, StringComparison.Ordinal)
            .Replace("listen 8080", $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
            .Replace("worker_processes auto;", "worker_processes 1;", StringComparison.Ordinal)
            .Replace("http {", $"http {{\n  client_body_temp_path {folder}/body;\n  proxy_temp_path {folder}/proxy;\n  fastcgi_temp_path {folder}/fastcgi;\n  uwsgi_temp_path {folder}/uwsgi;\n  scgi_temp_path {folder}/scgi;", StringComparison.Ordinal);
        Assert.DoesNotContain("api-1:8080", adapted, StringComparison.Ordinal);
        Assert.Contains($"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", adapted, StringComparison.Ordinal);
        return adapted;
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

    // The compose service names in the shipped upstream block: every such line goes, the test's hosts come instead.
    [GeneratedRegex(@"^\s*server api-\d+:8080[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();
}
