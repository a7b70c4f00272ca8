using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// In-process requests have no network peer. This stands in for the network: a request carrying
/// <see cref="HeaderName"/> arrives from that address, exactly as if the TCP connection came from it. Installed ahead
/// of the whole app pipeline, so everything the app does with the address (trusted proxies, rate limits, metrics
/// access) is tested unchanged.
/// </summary>
internal sealed class TestPeer : IStartupFilter
{
    public const string HeaderName = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(HeaderName, out var address))
            {
                context.Request.Headers.Remove(HeaderName);
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class TestPeerExtensions
{
    /// <summary>Sends the request as if from the given address.</summary>
    public static HttpRequestMessage From(this HttpRequestMessage request, string address)
    {
        request.Headers.Add(TestPeer.HeaderName, address);
        return request;
    }

    public static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
}
