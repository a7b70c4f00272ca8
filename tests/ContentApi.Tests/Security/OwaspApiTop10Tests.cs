using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

/// <summary>
/// One named test per OWASP API Security Top 10 (2023) risk that applies to this API; the README's Security section
/// maps each risk to its test. API6 (sensitive business flows) does not apply: the API only publishes content.
/// API9 is covered by <see cref="OpenApi.ContractInventoryTests"/> and the contract drift check.
/// </summary>
public sealed class OwaspApiTop10Tests : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client;

    public OwaspApiTop10Tests(DefaultHost host) => _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api1_object_ids_reach_only_published_items_never_files_or_another_forces_local_items(string version)
    {
        // Every item is public, but a force's local items are listed only for that force, never for another.
        Assert.DoesNotContain("gloucestershire-101", (await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items().Ids());
        Assert.DoesNotContain("gloucestershire-101", (await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100&force=avon-and-somerset")).JsonAsync()).Items().Ids());
        Assert.Contains("gloucestershire-101", (await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100&force=gloucestershire")).JsonAsync()).Items().Ids());

        foreach (var id in new[] { "..%2F..%2Fplugin.json", "%2E%2E%2Fappsettings.json", "..%5C..%5Cplugin.json", "plugin.json", "%2Fetc%2Fpasswd" })
        {
            using var response = await _client.GetAsync($"/api/{version}/guidance/{id}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{id}: {(int)response.StatusCode}");
            Assert.DoesNotContain("contractVersion", body, StringComparison.Ordinal);
            Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api2_keys_are_accepted_only_in_the_header_only_while_valid_and_never_echoed()
    {
        await (await _client.SendAsync(TestPeerExtensions.Get("/api/v2/topics").WithKey(TestKeys.Partner))).JsonAsync();
        await (await _client.SendAsync(TestPeerExtensions.Get("/api/v2/topics").WithKey(TestKeys.Revoked))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.SendAsync(TestPeerExtensions.Get("/api/v2/topics").WithKey(TestKeys.Partner + "x"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var inUrl = await (await _client.GetAsync($"/api/v2/topics?access_token={TestKeys.Partner}")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.DoesNotContain(TestKeys.Partner, inUrl.GetRawText(), StringComparison.Ordinal);
        var admin = await (await _client.SendAsync(TestPeerExtensions.Get("/admin/status").WithKey(TestKeys.Admin))).JsonAsync();
        Assert.DoesNotContain(TestKeys.Admin, admin.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("ops-admin", admin.GetProperty("keyId").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api3_public_responses_expose_no_internal_properties(string version)
    {
        var plugins = await (await _client.GetAsync($"/api/{version}/plugins")).JsonAsync();
        var text = plugins.GetRawText();

        Assert.DoesNotContain(PluginFolders.FirstPartyRoot, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"folder\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ContentApi.Plugins.", text, StringComparison.Ordinal);

        // The same facts are there for an admin, who needs them.
        var admin = await (await _client.SendAsync(TestPeerExtensions.Get("/admin/status").WithKey(TestKeys.Admin))).JsonAsync();
        Assert.Contains(admin.GetProperty("plugins").EnumerateArray(), p => p.GetProperty("folder").GetString()!.StartsWith(PluginFolders.FirstPartyRoot, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api4_resource_consumption_is_bounded_by_quotas_page_sizes_and_request_sizes(string version)
    {
        await using var limited = await TestHost.Start(o => o.WithSetting("RateLimiting:Anonymous:PermitLimit", "2"));
        var client = limited.Client;
        await (await client.GetAsync($"/api/{version}/topics")).JsonAsync();
        await (await client.GetAsync($"/api/{version}/topics")).JsonAsync();
        using var refused = await client.GetAsync($"/api/{version}/topics");
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter is not null);

        await (await _client.GetAsync($"/api/{version}/guidance?pageSize=1000")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/api/{version}/guidance?q={new string('q', 201)}")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/api/{version}/guidance?q={new string('q', 3000)}")).ProblemAsync(HttpStatusCode.RequestUriTooLong);
        using var body = new HttpRequestMessage(HttpMethod.Post, "/admin/status") { Content = new ByteArrayContent(new byte[200_000]) }.WithKey(TestKeys.Admin);
        await (await _client.SendAsync(body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api5_admin_functions_need_an_admin_key_and_public_routes_only_read(string version)
    {
        await (await _client.GetAsync("/admin/status")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.SendAsync(TestPeerExtensions.Get("/admin/status").WithKey(TestKeys.Partner))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await _client.SendAsync(TestPeerExtensions.Get("/admin/status").WithKey(TestKeys.Admin))).JsonAsync();

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, $"/api/{version}/contacts/childline").WithKey(TestKeys.Admin);
            await (await _client.SendAsync(request)).ProblemAsync(HttpStatusCode.MethodNotAllowed);
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api7_addresses_in_parameters_are_never_fetched(string version)
    {
        string[] targets = ["169.254.169.254", "metadata.google.internal", "localhost:6379", "10.0.0.1"];
        var outgoing = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                var url = activity.GetTagItem("url.full")?.ToString() ?? activity.DisplayName;
                if (targets.Any(t => url.Contains(t, StringComparison.Ordinal)))
                {
                    lock (outgoing)
                    {
                        outgoing.Add(url);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        foreach (var target in targets)
        {
            foreach (var value in new[] { $"http://{target}/latest/meta-data/", $"//{target}", $"https://{target}@example.org/" })
            {
                var encoded = Uri.EscapeDataString(value);
                foreach (var url in new[] { $"/api/{version}/contacts?force={encoded}", $"/api/{version}/guidance?locale={encoded}", $"/api/{version}/guidance/{encoded}", $"/api/{version}/guidance?q={encoded}" })
                {
                    using var response = await _client.GetAsync(url);
                    Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(outgoing);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Api8_headers_errors_methods_and_CORS_are_locked_down(string version)
    {
        foreach (var url in new[] { $"/api/{version}/topics", $"/api/{version}/nope", "/swagger/index.html" })
        {
            using var response = await _client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"));
            Assert.False(response.Headers.Contains("X-Powered-By"));
        }

        using var trace = new HttpRequestMessage(HttpMethod.Trace, $"/api/{version}/topics");
        await (await _client.SendAsync(trace)).ProblemAsync(HttpStatusCode.MethodNotAllowed);

        using var cors = TestPeerExtensions.Get($"/api/{version}/topics");
        cors.Headers.Add("Origin", "https://attacker.example");
        using var corsResponse = await _client.SendAsync(cors);
        Assert.False(corsResponse.Headers.Contains("Access-Control-Allow-Origin"));

        var notFound = await (await _client.GetAsync($"/api/{version}/guidance/{new string('x', 500)}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("   at ", notFound.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api10_third_party_plugin_content_and_code_are_validated_and_contained()
    {
        var local = await File.ReadAllTextAsync(Path.Combine(PluginFolders.FirstPartyRoot, "Gloucestershire", "content", "contacts.yaml"));
        var hostile = local
            .Replace("id: gloucestershire-101", "id: hostile-contact", StringComparison.Ordinal)
            .Replace("\"https://www.gloucestershire.police.uk/\"\n        label", "\"javascript:alert(document.cookie)\"\n        label", StringComparison.Ordinal);
        Assert.Contains("javascript:", hostile, StringComparison.Ordinal);
        await using var host = await TestHost.Start(o => o.WithSetting("Plugins:LoadTimeout", "00:00:30").WithPlugins(folders =>
        {
            folders.AddFirstParty("Signposting");
            folders.AddFixture("ThrowingPlugin");
            folders.AddFixture("HangingPlugin");
            folders.AddFolder("hostile-pack", new Dictionary<string, string>
            {
                ["plugin.json"] = """{ "id": "hostile-pack", "name": "Hostile", "version": "1.0.0", "publisher": "Unknown", "contractVersion": "1.0" }""",
                ["content/contacts.yaml"] = hostile,
            });
        }));
        var client = host.Client;

        await (await client.GetAsync("/api/v2/contacts/childline")).JsonAsync();
        await (await client.GetAsync("/api/v2/contacts/hostile-contact?force=gloucestershire")).ProblemAsync(HttpStatusCode.NotFound);
        var plugins = (await (await client.GetAsync("/api/v2/plugins")).JsonAsync()).GetProperty("plugins").EnumerateArray().ToList();
        var pack = plugins.Single(p => p.GetProperty("id").GetString() == "hostile-pack");
        Assert.Contains("https", pack.GetProperty("problems").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, plugins.Count(p => p.GetProperty("status").GetString() == "faulted"));
    }
}
