using System.Net;
using System.Text;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Tests.Security;

public sealed class RequestLimitsTests(RequestLimitsTests.LimitedHost host) : IClassFixture<RequestLimitsTests.LimitedHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_long_query_string_is_a_414_problem(string version)
    {
        await (await _client.GetAsync($"/api/{version}/guidance?q={new string('a', 200)}")).JsonAsync();
        await (await _client.GetAsync($"/api/{version}/guidance?q={new string('a', 200)}&force={new string('b', 100)}"))
            .ProblemAsync(HttpStatusCode.RequestUriTooLong);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Too_many_or_too_large_headers_are_a_431_problem(string version)
    {
        using var large = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        large.Headers.Add("X-Padding", new string('x', 3000));
        await (await _client.SendAsync(large)).ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        using var many = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        for (var i = 0; i < 25; i++)
        {
            many.Headers.Add($"X-Extra-{i}", "1");
        }

        await (await _client.SendAsync(many)).ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Page_size_is_capped_at_100(string version)
    {
        await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync();
        var problem = await (await _client.GetAsync($"/api/{version}/contacts?pageSize=101")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("pageSize", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_body_over_the_limit_is_a_413_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/status")
        {
            Content = new StringContent(new string('x', 2000), Encoding.UTF8, "application/json"),
        }.WithKey(TestKeys.Admin);

        var problem = await (await _client.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_public_API_takes_no_request_body(string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics") { Content = new StringContent("{}") };
        await (await _client.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_request_that_runs_past_the_timeout_is_abandoned_with_a_504_problem()
    {
        // Readiness here waits on a dependency that never answers.
        var problem = await (await _client.GetAsync("/health/ready")).ProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Contains("3 seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Small limits, and a readiness check that never answers; the tests only read, so one host serves them all.</summary>
    public sealed class LimitedHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) => options
            .WithSettings(
                ("RequestLimits:MaxQueryStringLength", "300"),
                ("RequestLimits:MaxRequestHeadersTotalSize", "2048"),
                ("RequestLimits:MaxRequestHeaderCount", "20"),
                ("RequestLimits:AdminMaxRequestBodySize", "1024"),
                ("RequestLimits:RequestTimeout", "00:00:03")) // room for a cold first request on a loaded machine
            .WithServices(services => services.AddHealthChecks().AddCheck<NeverAnswers>("never-answers", tags: ["ready"]));

        // The first request to each route compiles it; on a loaded machine that alone can outlast the 3 s timeout, so
        // the tests start once every route they read has answered in time.
        protected override async Task WarmUpAsync(TestHost host)
        {
            foreach (var version in new[] { "v1", "v2" })
            {
                foreach (var path in new[] { "guidance?q=warm", "topics", "contacts?pageSize=100" })
                {
                    await Poll.UntilAsync(async () => (await host.Client.GetAsync($"/api/{version}/{path}")).IsSuccessStatusCode, $"{path} to answer within the request timeout");
                }
            }
        }
    }

    /// <summary>A dependency that hangs until the request is cancelled.</summary>
    private sealed class NeverAnswers : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}
