using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContentApi.Tests.Infrastructure;

/// <summary>What tests need to run real servers (redis-server, the API itself) as child processes.</summary>
public static class LocalProcesses
{
    /// <summary>A loopback port with nothing listening on it at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
