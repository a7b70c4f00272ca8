using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Host.Content;

/// <summary>The forms a guidance body is served in.</summary>
public enum BodyFormat
{
    /// <summary>The Markdown as written.</summary>
    Markdown,

    /// <summary>Sanitised HTML: Markdown structure only, no markup from the content, links only to https, mailto: and tel:.</summary>
    Html,

    /// <summary>Plain text, for SMS, voice and apps.</summary>
    Text,
}

/// <summary>
/// Renders guidance Markdown for partners. Raw HTML in the content is never passed through (it is escaped), images are
/// dropped, and a link whose target is not an absolute https, mailto: or tel: address (a relative path, javascript:,
/// data:) keeps its words but loses the link, so the HTML can go straight onto a partner's page.
/// </summary>
internal static class BodyRendering
{
    public static string Render(string markdown, BodyFormat format) => format switch
    {
        BodyFormat.Html => Write(Sanitised(markdown), plainText: false),
        BodyFormat.Text => Write(Sanitised(markdown), plainText: true).Trim(),
        _ => markdown,
    };

    private static MarkdownDocument Sanitised(string markdown)
    {
        var document = Markdown.Parse(markdown, MarkdownRules.Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !MarkdownRules.IsAllowedLink(link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!MarkdownRules.IsAllowedLink(autolink.IsEmail ? $"mailto:{autolink.Url}" : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document;
    }

    // Keep a bad link's words (or an image's description), not its target.
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static string Write(MarkdownDocument document, bool plainText)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = !plainText,
            EnableHtmlForInline = !plainText,
            EnableHtmlEscape = !plainText,
        };
        MarkdownRules.Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
