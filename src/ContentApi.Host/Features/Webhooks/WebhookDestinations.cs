using System.Net;
using System.Net.Sockets;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// Where webhooks may be sent. A URL is checked when it is registered (https, no credentials, not a private literal
/// address), and again on every connection: the host name is resolved and the address actually connected to must not
/// be private, loopback or link-local (unless <see cref="WebhookOptions.AllowPrivateNetworks"/>), so a name that
/// resolves into this API's own network, or is re-pointed there later, is refused. Redirects are never followed.
/// </summary>
internal static class WebhookDestinations
{
    public const string HttpClientName = "webhooks";

    /// <summary>Why <paramref name="url"/> may not be registered, or null when it may.</summary>
    public static string? Refusal(string? url, WebhookOptions options, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "url must be an absolute https URL of at most 2,000 characters.";
        }

        var httpAllowed = options.AllowHttp || isDevelopment;
        if (uri.Scheme != Uri.UriSchemeHttps && !(httpAllowed && uri.Scheme == Uri.UriSchemeHttp))
        {
            return httpAllowed ? "url must be http or https." : "url must be https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry credentials; verify the webhook-signature header instead.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && !options.AllowPrivateNetworks && IsPrivate(address)
            ? $"url points at {address}, a private, loopback or link-local address, which this API does not call."
            : null;
    }

    /// <summary>The handler every webhook goes through: short timeouts, no redirects, every connection checked.</summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, options.AllowPrivateNetworks, cancellationToken),
    };

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // Link-local, site-local and unique local (fc00::/7) addresses.
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || b[0] >= 224; // multicast and reserved
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(a => allowPrivate || !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"Refused: {host} resolves to {string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}, a private, loopback or link-local address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
