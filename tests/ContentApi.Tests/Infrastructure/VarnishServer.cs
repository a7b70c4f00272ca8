using System.Diagnostics;
using System.Globalization;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The shipped <c>deploy/varnish.vcl</c>, run by Debian's varnishd in front of a test host: only its backend address
/// changes (compose's nginx becomes the test's API), so what the edge keeps and how it is purged is what production runs.
/// </summary>
public sealed class VarnishServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private VarnishServer(ServerProcess server, Uri address)
    {
        _server = server;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>varnishd's output so far (VCL compile errors, panics), to explain a failure.</summary>
    public string Output => _server.Output;

    /// <summary>A port for the edge, chosen before the API starts so the API can be told where to send its purges.</summary>
    public static Uri ReserveAddress() => new($"http://127.0.0.1:{LocalProcesses.FreePort().ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Starts varnishd on <paramref name="address"/> in front of <paramref name="backend"/> and waits until it accepts connections.</summary>
    public static async Task<VarnishServer> StartAsync(Uri address, Uri backend)
    {
        var folder = Directory.CreateTempSubdirectory("contentapi-varnish-").FullName;
        var vcl = Path.Combine(folder, "default.vcl");
        var shipped = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "varnish.vcl"));
        var adapted = shipped
            .Replace(".host = \"nginx\";", $".host = \"{backend.Host}\";", StringComparison.Ordinal)
            .Replace(".port = \"8080\";", $".port = \"{backend.Port.ToString(CultureInfo.InvariantCulture)}\";", StringComparison.Ordinal);
        Assert.Contains($".host = \"{backend.Host}\";", adapted, StringComparison.Ordinal);
        await File.WriteAllTextAsync(vcl, adapted);

        // -F: in the foreground, stopped with the test; -j none: no privilege separation, whoever runs the tests.
        var start = new ProcessStartInfo("varnishd")
        {
            ArgumentList =
            {
                "-F", "-j", "none", "-n", Path.Combine(folder, "work"), "-f", vcl,
                "-a", $"127.0.0.1:{address.Port.ToString(CultureInfo.InvariantCulture)}", "-T", "127.0.0.1:0",
                "-s", "malloc,32m",
            },
        };
        return new VarnishServer(await ServerProcess.StartAsync(start, folder, address.Port), address);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
