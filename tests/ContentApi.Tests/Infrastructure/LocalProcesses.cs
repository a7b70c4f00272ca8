using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContentApi.Tests.Infrastructure;

/// <summary>What tests need to run real servers (redis-server, the API itself) and programs (node, scripts) as child processes.</summary>
public static class LocalProcesses
{
    /// <summary>
    /// How long a child build (pack, restore, build, test) may run before it counts as hung. Generous on purpose: on a
    /// loaded 2-core machine running the rest of the suite, a restore, build and test of a new project took over 5 minutes.
    /// </summary>
    public static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(12);

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
    public static Task<ProgramRun> RunAsync(string program, IEnumerable<string> arguments, string directory, TimeSpan limit) =>
        RunAsync(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory }, limit);

    /// <summary>Runs a program as <paramref name="start"/> describes (its output is always captured), as the overload above does.</summary>
    public static async Task<ProgramRun> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
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
            throw new Xunit.Sdk.XunitException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran past {limit}:\n{await output}{await error}");
        }

        return new ProgramRun(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Makes a child <c>dotnet</c> build (pack, new, test) run as it would for a user: without the test runner's MSBuild
    /// variables, which would steer it to this repository's SDK state, and leaving no build servers running after it.
    /// </summary>
    public static ProcessStartInfo AsChildBuild(this ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        return start;
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
