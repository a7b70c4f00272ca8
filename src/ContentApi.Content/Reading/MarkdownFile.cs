namespace ContentApi.Content;

/// <summary>A Markdown content file split into its front matter and body, with the file line the body starts on.</summary>
/// <param name="FrontMatter">The YAML between the '---' lines; its first line is line 2 of the file.</param>
/// <param name="Body">Everything after the closing '---' line.</param>
/// <param name="BodyStartLine">The line of the file the body's first line is.</param>
internal sealed record MarkdownFile(string FrontMatter, string Body, int BodyStartLine)
{
    /// <summary>Splits the text, or null when it does not start with front matter.</summary>
    public static MarkdownFile? Split(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }

        var end = normalised.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var afterFence = normalised.IndexOf('\n', end + 4);
        var body = afterFence < 0 ? string.Empty : normalised[(afterFence + 1)..];
        var bodyStartLine = afterFence < 0 ? 1 : normalised.AsSpan(0, afterFence + 1).Count('\n') + 1;
        return new MarkdownFile(normalised[4..(end + 1)], body, bodyStartLine);
    }
}
