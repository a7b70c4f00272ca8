using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Observability;

public sealed class ObservabilityTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Prometheus_metrics_show_requests_and_plugin_load_times_to_a_local_scraper()
    {
        await (await _client.GetAsync("/api/v2/topics")).JsonAsync();

        // The exporter caches a scrape briefly; poll rather than assume the first scrape has the request.
        var text = string.Empty;
        await Poll.UntilAsync(
            async () =>
            {
                using var scrape = await _client.SendAsync(TestPeerExtensions.Get("/metrics").From("127.0.0.1"));
                Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
                text = await scrape.Content.ReadAsStringAsync();
                return text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal);
            },
            "a scrape that shows the request");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("contentapi_plugin_load_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("plugin_id=\"signposting\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_refused_to_the_public_but_open_to_an_admin_key()
    {
        await (await _client.SendAsync(TestPeerExtensions.Get("/metrics").From("203.0.113.9"))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.SendAsync(TestPeerExtensions.Get("/metrics").From("203.0.113.9").WithKey(TestKeys.Partner))).ProblemAsync(HttpStatusCode.Forbidden);
        using var admin = await _client.SendAsync(TestPeerExtensions.Get("/metrics").From("203.0.113.9").WithKey(TestKeys.Admin));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_sane_request_id_is_echoed_and_anything_else_is_replaced_by_the_trace_id(string version)
    {
        using var sane = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/nope");
        sane.Headers.Add("X-Request-Id", "partner-abc.123");
        using var saneResponse = await _client.SendAsync(sane);
        var problem = await saneResponse.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("partner-abc.123", saneResponse.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("partner-abc.123", problem.GetProperty("traceId").GetString());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>" + new string('x', 100));
        using var hostileResponse = await _client.SendAsync(hostile);
        Assert.Matches("^[0-9a-f]{32}$", hostileResponse.Headers.GetValues("X-Request-Id").Single());
    }
}
