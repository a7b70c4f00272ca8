using System.Net;
using System.Text;
using ContentApi.Host.Infrastructure;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>The host on a real socket (Kestrel), as it runs in the container.</summary>
public sealed class KestrelHostTests(KestrelHostTests.KestrelHost host) : IClassFixture<KestrelHostTests.KestrelHost>
{
    private readonly TestHost _host = host.Host;

    [Fact]
    public async Task Kestrel_sends_no_Server_header_and_the_security_headers()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/api/v2/topics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_healthcheck_mode_exits_0_when_ready_and_1_when_nothing_answers()
    {
        var ready = new Uri(_host.Address, "/health/ready").ToString();
        Assert.Equal(0, await HealthProbe.RunAsync([HealthProbe.Argument, ready]));
        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Argument, new Uri(_host.Address, "/no-such-route").ToString()]));
        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Argument, "http://127.0.0.1:9/health/ready"], TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Kestrel_refuses_oversized_headers_itself_beyond_twice_the_app_limit()
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/topics");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_body_without_a_length_is_cut_off_at_the_limit_with_a_413_problem()
    {
        using var client = _host.CreateClient();
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"tags\": [\"{new string('a', 4000)}\"]}}")));
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = body }.WithKey(TestKeys.Admin);
        request.Headers.TransferEncodingChunked = true;

        var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    /// <summary>One Kestrel host for the class: these tests only read, and a real socket takes longest to start.</summary>
    public sealed class KestrelHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) =>
            options.OnKestrel().WithSetting("RequestLimits:AdminMaxRequestBodySize", "1024");
    }
}
