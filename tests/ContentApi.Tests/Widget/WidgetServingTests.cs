using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ContentApi.Host.Features.Widget;
using ContentApi.Host.Security;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Widget;

/// <summary>How the host serves the widget: versioned, immutable, validated, open to any origin, and the demo page.</summary>
public sealed partial class WidgetServingTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private const string Stranger = "https://school.example.org";

    private static readonly string CommittedBundle =
        Path.Combine(Repository.Root, "src", "ContentApi.Host", "Features", "Widget", "dist", WidgetFiles.Version, "safeguarding.js");

    [Fact]
    public async Task The_script_is_the_committed_bundle_cached_for_a_year_with_a_strong_ETag()
    {
        using var response = await host.Client.GetAsync(WidgetFiles.ScriptPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(CommittedBundle), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, WidgetFiles.ScriptPath);
        again.Headers.IfNoneMatch.Add(etag);
        using var unchanged = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Theory]
    [InlineData(WidgetFiles.ScriptPath)]
    [InlineData("/api/v2/signposting?age=13&audience=young-people")]
    [InlineData("/api/v2/guidance/talking-to-your-child?format=html")]
    public async Task Any_origin_may_read_what_the_widget_loads_without_credentials(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Stranger);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_README_snippet_is_the_one_the_host_gives_with_the_served_script_s_integrity()
    {
        var served = await host.Client.GetByteArrayAsync(WidgetFiles.ScriptPath);
        var integrity = "sha384-" + Convert.ToBase64String(SHA384.HashData(served));
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));

        var named = IntegrityInReadme().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(named.SequenceEqual([integrity]), $"README.md names {string.Join(", ", named)}; the served {WidgetFiles.ScriptPath} is {integrity}.");
        Assert.Contains(WidgetFiles.Snippet("https://content-api.example.org"), readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_page_shows_the_snippet_and_loads_only_its_own_files()
    {
        using var response = await host.Client.GetAsync("/widget");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.OwnFilesContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains(WebUtility.HtmlEncode(WidgetFiles.Script.Integrity), page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        foreach (var file in new[] { "/widget/demo.js", "/widget/demo.css", "/widget/favicon.svg" })
        {
            using var asset = await host.Client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    [GeneratedRegex(@"/widget/v\d+/safeguarding\.js""[^>]*integrity=""(sha384-[A-Za-z0-9+/=]+)""")]
    private static partial Regex IntegrityInReadme();
}
