using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContentApi.Tests.Infrastructure;

/// <summary>What tests need to run real servers (redis-server, the API itself) and programs (node, scripts) as child processes.</summary>
public static class LocalProcesses
{
    /// <summary>A loopback port with nothing listening on it at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Runs a program to its end in <paramref name="directory"/> and returns its exit code and output; one still running
    /// after <paramref name="limit"/> is killed with its children and fails the test.
    /// </summary>
    public static async Task<ProgramRun> RunAsync(string program, IEnumerable<string> arguments, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', start.ArgumentList)} ran past {limit}:\n{await output}{await error}");
        }

        return new ProgramRun(process.ExitCode, await output, await error);
    }

    /// <summary>Sends a POSIX signal (TERM, STOP, CONT, KILL): what an orchestrator or an outage does to a server.</summary>
    public static void Signal(Process process, string signal)
    {
        if (process.HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}

/// <summary>How a program run by <see cref="LocalProcesses.RunAsync"/> ended.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error);
