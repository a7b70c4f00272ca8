using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Content;

/// <summary>
/// What a guidance body may contain: Markdown only (no raw HTML), and links only to absolute https, mailto: or tel:
/// addresses, because partners show the text on their own sites and must never receive markup or scripts from it.
/// </summary>
public static class MarkdownRules
{
    /// <summary>The Markdown dialect every reader and renderer uses: CommonMark with tables and raw HTML switched off.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>True when a link target is one partners may follow: absolute https, mailto: or tel:.</summary>
    /// <param name="url">The link target.</param>
    /// <returns>Whether it is allowed.</returns>
    public static bool IsAllowedLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto || uri.Scheme == "tel");

    /// <summary>Every reason a body breaks the rules, empty when it is fine.</summary>
    /// <param name="markdown">The body.</param>
    /// <returns>The problems, in plain words, each naming its line in the body.</returns>
    public static IReadOnlyList<string> Problems(string markdown) =>
        Findings(markdown).Select(f => $"{f.Message} (line {f.Line})").ToList();

    /// <summary>Every reason a body breaks the rules, with the line of the body (from 1) it is on.</summary>
    /// <param name="markdown">The body.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<(int Line, string Message)> Findings(string markdown)
    {
        // Parse with HTML enabled so raw HTML is seen (and reported) rather than silently escaped.
        var document = Markdown.Parse(markdown ?? string.Empty, new MarkdownPipelineBuilder().UsePipeTables().Build());
        var problems = new List<(int, string)>();
        foreach (var node in document.Descendants())
        {
            var message = node switch
            {
                HtmlBlock or HtmlInline => "raw HTML is not allowed",
                LinkInline { IsImage: true } image => $"images are not allowed ('{Shorten(image.Url)}')",
                LinkInline link when !IsAllowedLink(link.Url) => $"link '{Shorten(link.Url)}' must be an absolute https, mailto: or tel: address",
                AutolinkInline autolink when !IsAllowedLink(autolink.IsEmail ? $"mailto:{autolink.Url}" : autolink.Url) =>
                    $"link '{Shorten(autolink.Url)}' must be an absolute https, mailto: or tel: address",
                _ => null,
            };
            if (message is not null)
            {
                problems.Add((node.Line + 1, message));
            }
        }

        return problems;
    }

    private static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 60 ? value : value[..60] + "…";
}
