using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ContentApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Tests.Security;

public sealed partial class SecurityHeadersTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private const string Secret = "redis-primary.internal:6379,password=hunter2";
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [InlineData("/api/v2/topics")]
    [InlineData("/api/v1/contacts/childline")]
    [InlineData("/api/v2/guidance?age=abc")]
    [InlineData("/api/v9/topics")]
    [InlineData("/no-such-route")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/health/ready")]
    public async Task Every_response_is_nosniff_and_may_not_be_framed_or_load_anything(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task Swagger_UI_has_a_strict_policy_that_still_allows_its_own_files()
    {
        using var response = await _client.GetAsync("/swagger/index.html");
        var html = await response.Content.ReadAsStringAsync();
        var policy = Header(response, "Content-Security-Policy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);

        // The policy allows same-origin files only: the page must need nothing else, or it would render blank.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineStyle(), html);
        var assets = Assets().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith("swagger-ui-bundle.js", StringComparison.Ordinal));
        Assert.Contains("accessibility.css", assets);
        Assert.Contains("accessibility.js", assets);
        foreach (var asset in assets)
        {
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out _), $"{asset} is not same-origin");
            using var file = await _client.GetAsync(new Uri(new Uri(_client.BaseAddress!, "/swagger/"), asset));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("nosniff", Header(file, "X-Content-Type-Options"));
        }
    }

    [Fact]
    public async Task An_unexpected_fault_is_a_500_problem_that_names_no_internal_detail()
    {
        await using var faulty = await TestHost.Start(o => o.WithServices(services =>
            services.Configure<JsonOptions>(json => json.SerializerOptions.Converters.Insert(0, new FailingConverter()))));
        using var response = await faulty.Client.GetAsync("/api/v2/guidance/what-is-sharing-nudes");

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("redis", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(Header(response, "X-Request-Id"), problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_failing_health_check_does_not_show_its_exception_outside_Development()
    {
        await using var failing = await TestHost.Start(o => o.WithServices(services =>
            services.AddHealthChecks().AddCheck("cache", () => throw new InvalidOperationException($"It was not possible to connect to {Secret}"), ["ready"])));
        using var response = await failing.Client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("6379", body, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"No {name} header on {(int)response.StatusCode}.");

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style|\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"(?:src|href)=[""'](?<url>[^""']+\.(?:js|css|png))[""']")]
    private static partial Regex Assets();

    /// <summary>A dependency failing mid-request, with connection details in its message, as a Redis client's would.</summary>
    private sealed class FailingConverter : JsonConverter<ContentApi.Host.Features.Guidance.GuidanceResource>
    {
        public override ContentApi.Host.Features.Guidance.GuidanceResource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, ContentApi.Host.Features.Guidance.GuidanceResource value, JsonSerializerOptions options) =>
            throw new InvalidOperationException($"No connection is active/available to service this operation: GET {Secret}");
    }
}
