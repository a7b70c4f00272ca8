using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The shipped <c>deploy/nginx.conf</c>, run by Debian's nginx in front of test hosts: only its addresses (the upstream
/// servers, the listening port), its worker count and its working folders are changed, so what the edge blocks and how
/// it answers is what production runs. Stopped (with its workers) when the test ends.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private NginxServer(ServerProcess server, int port)
    {
        _server = server;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri Address { get; }

    /// <summary>nginx's access and error logs so far, to explain a failure.</summary>
    public string Output => _server.Output;

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
        };
        return new NginxServer(await ServerProcess.StartAsync(start, folder, port), port);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

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

    // The compose service names in the shipped upstream block: every such line goes, the test's hosts come instead.
    [GeneratedRegex(@"^\s*server api-\d+:8080[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();
}
