using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The API as its own operating-system process (<c>dotnet ContentApi.Host.dll</c>) on a real port: for what only a real
/// process shows, such as how it handles SIGTERM. Started by <see cref="TestHost"/> with
/// <see cref="TestHostOptions.AsProcess"/>, which passes it the configuration.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the process wrote so far, to explain a failure.</summary>
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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the host (the one built beside the tests, or the one in <paramref name="hostDirectory"/>) and waits until
    /// its readiness check answers 200.
    /// </summary>
    internal static async Task<ApiProcess> StartAsync(IDictionary<string, string?> settings, string? hostDirectory = null)
    {
        var port = LocalProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var directory = hostDirectory ?? AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(directory, "ContentApi.Host.dll"), "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), address);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        // A loaded machine can take longer than any short timeout to answer the first request: a probe that times out
        // is asked again, until the poll's own generous deadline.
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        await Poll.UntilAsync(
            async () =>
            {
                Assert.False(host.HasExited, $"The host exited during startup:\n{host.Output}");
                try
                {
                    using var ready = await probe.GetAsync("/health/ready");
                    return ready.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            "the host process to be ready",
            TimeSpan.FromSeconds(120));
        return host;
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and Kubernetes do.</summary>
    public void Terminate() => LocalProcesses.Signal(_process, "TERM");

    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
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
