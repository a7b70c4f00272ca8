using System.Text.Json.Nodes;
using Asp.Versioning;
using ContentApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.Tests.OpenApi;

/// <summary>
/// OWASP API9 (improper inventory): what the host really maps (its EndpointDataSource) against what the public
/// contracts say. Every public endpoint is documented in each API version it serves, no admin endpoint is, and
/// anything else undocumented is a known operational route.
/// </summary>
public sealed class ContractInventoryTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    /// <summary>
    /// Routes deliberately left out of the contracts: probes, metrics, the contracts, content file schemas and docs
    /// themselves, and the widget's files and demo page (a script for web pages, not an API operation).
    /// </summary>
    private static readonly string[] OperationalRoutes =
    [
        "/", "/health/live", "/health/ready", "/metrics", "/openapi/{documentName}.json", "/schemas", "/schemas/{file}", "/docs/migrating-to-v2",
        "/widget", "/widget/", "/widget/v1/safeguarding.js", "/widget/demo.js", "/widget/demo.css", "/widget/favicon.svg",
    ];

    [Fact]
    public async Task Api9_every_mapped_public_endpoint_is_documented_and_no_admin_endpoint_is()
    {
        var client = host.CreateClient();
        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var version in new[] { "v1", "v2" })
        {
            documents[version] = JsonNode.Parse(await client.GetStringAsync($"/openapi/{version}.json"))!;
        }

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var publicEndpoints = 0;
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (route.StartsWith("/admin", StringComparison.Ordinal))
            {
                foreach (var document in documents.Values)
                {
                    Assert.DoesNotContain("/admin", document["paths"]!.AsObject().Select(p => p.Key));
                }

                continue;
            }

            if (!route.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(OperationalRoutes.Contains(route), $"{string.Join(",", methods)} {route} is mapped but neither documented nor a known operational route.");
                continue;
            }

            var versions = endpoint.Metadata.GetMetadata<ApiVersionMetadata>() ?? throw new Xunit.Sdk.XunitException($"{route} has no API version metadata.");
            foreach (var (name, document) in documents)
            {
                var version = new ApiVersion(int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture), 0);
                if (versions.MappingTo(version) == ApiVersionMapping.None)
                {
                    continue;
                }

                var path = route.Replace("{version:apiVersion}", name[1..], StringComparison.Ordinal);
                foreach (var method in methods)
                {
                    Assert.True(document["paths"]?[path]?[method.ToLowerInvariant()] is not null, $"{method} {path} is mapped but not in openapi/{name}.json");
                    publicEndpoints++;
                }
            }
        }

        Assert.True(publicEndpoints >= 18, $"Only {publicEndpoints} public operations were found.");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.StartsWith("/admin", StringComparison.Ordinal));
    }
}
