using System.Net;
using System.Text.RegularExpressions;
using ContentApi.Content;
using ContentApi.Host.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Rendering;

public sealed class BodyRenderingTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private const string Hostile = """
        ## Help

        <script>alert('x')</script>

        Click <img src=x onerror="alert(1)"> [here](javascript:alert(1)) or [there](/relative) or <javascript:alert(2)>.
        A [real link](https://www.childline.org.uk/) and ![a picture](https://example.org/a.png "title").
        <div onclick="steal()">boxed</div>
        """;

    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public void Html_never_contains_markup_scripts_or_unsafe_links_from_the_content()
    {
        var html = BodyRendering.Render(Hostile, BodyFormat.Html);

        AssertOnlySafeMarkup(html);
        Assert.DoesNotContain("href=\"/relative", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal); // shown as text, not run
        Assert.Contains("<a href=\"https://www.childline.org.uk/\">real link</a>", html, StringComparison.Ordinal);
        Assert.Contains("here", html, StringComparison.Ordinal); // a bad link keeps its words
        Assert.Contains("a picture", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Help</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_has_no_markup_at_all()
    {
        var text = BodyRendering.Render("## Heading\n\nSome **bold** text and a [link](https://example.org/).", BodyFormat.Text);

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.Contains("Heading", text, StringComparison.Ordinal);
        Assert.Contains("Some bold text and a link.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_refuses_raw_html_images_and_links_that_are_not_absolute_https()
    {
        var problems = MarkdownRules.Problems(Hostile);

        Assert.Contains(problems, p => p.Contains("raw HTML", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("javascript:alert(1)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/relative", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("images are not allowed", StringComparison.Ordinal));
        Assert.Empty(MarkdownRules.Problems("A [link](https://www.childline.org.uk/), <help@nspcc.org.uk> and [call](tel:08001111)."));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Guidance_is_served_as_markdown_html_or_text(string version)
    {
        var markdown = await (await _client.GetAsync($"/api/{version}/guidance/young-people-sextortion")).JsonAsync();
        var html = await (await _client.GetAsync($"/api/{version}/guidance/young-people-sextortion?format=html")).JsonAsync();
        var text = await (await _client.GetAsync($"/api/{version}/guidance/young-people-sextortion?format=text")).JsonAsync();

        Assert.Equal("markdown", markdown.GetProperty("bodyFormat").GetString());
        Assert.StartsWith("## ", markdown.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("html", html.GetProperty("bodyFormat").GetString());
        Assert.StartsWith("<h2>", html.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.ceop.police.uk/Safety-Centre/\">CEOP</a>", html.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("text", text.GetProperty("bodyFormat").GetString());
        Assert.DoesNotContain("<", text.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("##", text.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(markdown.GetProperty("contentHash").GetString(), html.GetProperty("contentHash").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_item_carries_a_hash_licence_attribution_and_the_display_verbatim_flag(string version)
    {
        var items = (await (await _client.GetAsync($"/api/{version}/guidance?format=html&pageSize=100")).JsonAsync()).Items().EnumerateArray().ToList();

        Assert.All(items, i =>
        {
            Assert.Matches("^sha256:[0-9a-f]{64}$", i.GetProperty("contentHash").GetString());
            Assert.Equal("Open Government Licence v3.0", i.GetProperty("licence").GetProperty("name").GetString());
            Assert.StartsWith("https://www.nationalarchives.gov.uk/", i.GetProperty("licence").GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Contains("Open Government Licence v3.0", i.GetProperty("attribution").GetString(), StringComparison.Ordinal);
            Assert.Equal(System.Text.Json.JsonValueKind.False, i.GetProperty("displayVerbatim").ValueKind);
            AssertOnlySafeMarkup(i.GetProperty("body").GetString()!);
        });
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("contentHash").GetString()).Distinct().Count());
    }

    // Every tag is one Markdown produces, and the only attribute is an https, mailto: or tel: link target.
    private static void AssertOnlySafeMarkup(string html)
    {
        string[] allowed = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br",
            "table", "thead", "tbody", "tr", "th", "td"];
        foreach (Match tag in Regex.Matches(html, "<(/?)([a-zA-Z0-9]+)([^>]*)>"))
        {
            Assert.Contains(tag.Groups[2].Value, allowed);
            var attributes = tag.Groups[3].Value.Trim();
            if (attributes.Length > 0)
            {
                Assert.Equal("a", tag.Groups[2].Value);
                Assert.Matches("^href=\"(https://|mailto:|tel:)[^\"]*\"$", attributes);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_unknown_format_is_a_400(string version)
    {
        var problem = await (await _client.GetAsync($"/api/{version}/guidance/young-people-sextortion?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }
}
