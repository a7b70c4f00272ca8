using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// HTTP/1.1 over a bare TCP socket: for requests no HTTP client will send (a NUL in the path, a bad Host, duplicated
/// framing headers, an unsupported version), exactly as written.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Sends <paramref name="request"/> (its lines joined by CRLF) and reads one response.</summary>
    public static async Task<RawResponse> SendAsync(Uri server, string request)
    {
        using var timeout = new CancellationTokenSource(Limit);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        RawResponse? response = null;
        while (response is null)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            received.Write(buffer, 0, read);
            response = RawResponse.TryParse(received.ToArray(), closed: read == 0);
            Assert.True(response is not null || read > 0, $"The connection closed before a whole response arrived:\n{Encoding.Latin1.GetString(received.ToArray())}");
        }

        return response;
    }

    /// <summary>A GET of <paramref name="target"/>, written exactly as given, with any extra header lines.</summary>
    public static Task<RawResponse> GetAsync(Uri server, string target, params string[] headers) =>
        SendAsync(server, $"GET {target} HTTP/1.1\r\nHost: localhost\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Connection: close\r\n\r\n");
}

/// <summary>One response as it came off the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        $"{Status.ToString(CultureInfo.InvariantCulture)}\n{string.Join('\n', Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Body}";

    /// <summary>The response when the bytes hold all of it (by Content-Length, or to the close), else null.</summary>
    internal static RawResponse? TryParse(byte[] bytes, bool closed)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var lines = text[..end].Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        var body = text[(end + 4)..];
        var complete = headers.TryGetValue("Content-Length", out var length)
            ? Encoding.Latin1.GetByteCount(body) >= int.Parse(length, CultureInfo.InvariantCulture)
            : closed;
        return complete ? new RawResponse(int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body))) : null;
    }
}
