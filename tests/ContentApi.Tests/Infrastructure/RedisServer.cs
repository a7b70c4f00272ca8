using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A real redis-server (the Debian package) started by a test on a free loopback port, with persistence off, and
/// killed when the test ends. Tests can kill it, stall it (SIGSTOP) and bring it back, to see the API ride out outages.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    // Generous: on a loaded 2-core machine starting a process, or one small command, can take many seconds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private Process? _process;
    private bool _paused;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>For <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(LocalProcesses.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port with nothing listening yet, for an API that must start while Redis is absent.</summary>
    public static RedisServer NotStarted() => new(LocalProcesses.FreePort());

    /// <summary>Starts (or restarts, after <see cref="Kill"/>) the server on the same port.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; is the redis-server package installed?");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                if (await CommandAsync("PING") is "PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && DateTime.UtcNow < deadline)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server outright, as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            Resume();
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing answers.</summary>
    public void Pause()
    {
        Signal("STOP");
        _paused = true;
    }

    /// <summary>Lets a frozen server carry on (SIGCONT).</summary>
    public void Resume()
    {
        if (_paused)
        {
            Signal("CONT");
            _paused = false;
        }
    }

    /// <summary>Sends one command over RESP and returns the reply: a string, a number, or an array of strings.</summary>
    public async Task<object?> CommandAsync(params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await ReadReplyAsync(reader, timeout.Token);
    }

    /// <summary>The keys matching a glob pattern.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string pattern) =>
        ((string?[]?)await CommandAsync("KEYS", pattern) ?? []).OfType<string>().ToList();

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<object?> ReadReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("Redis closed the connection.");
        var body = line[1..];
        switch (line[0])
        {
            case '+':
                return body;
            case '-':
                throw new InvalidOperationException($"Redis error: {body}");
            case ':':
                return long.Parse(body, System.Globalization.CultureInfo.InvariantCulture);
            case '$':
                return body == "-1" ? null : await reader.ReadLineAsync(cancellationToken);
            case '*':
                var items = new string?[int.Parse(body, System.Globalization.CultureInfo.InvariantCulture)];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = (string?)await ReadReplyAsync(reader, cancellationToken);
                }

                return items;
            default:
                throw new IOException($"Unexpected Redis reply: {line}");
        }
    }

    private void Signal(string signal)
    {
        if (_process is not null)
        {
            LocalProcesses.Signal(_process, signal);
        }
    }
}
