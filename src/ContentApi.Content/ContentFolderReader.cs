using ContentApi.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentApi.Content;

/// <summary>
/// Reads every content file under a folder (Markdown with YAML front matter, YAML and JSON) into
/// <see cref="PluginContent"/>. A broken file or item never stops the rest: it becomes a <see cref="ContentProblem"/>
/// naming the file, line and field.
/// </summary>
public static class ContentFolderReader
{
    /// <summary>The folder inside a plugin that holds its content files.</summary>
    public const string ContentFolderName = "content";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads the <c>content/</c> folder of a plugin.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The items read and the problems found.</returns>
    public static Task<PluginContent> ReadPluginAsync(string pluginDirectory, CancellationToken cancellationToken) =>
        ReadAsync(Path.Combine(pluginDirectory, ContentFolderName), pluginDirectory, cancellationToken);

    /// <summary>Reads every content file under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder to read recursively.</param>
    /// <param name="relativeTo">Origins in problem reports are given relative to this folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The items read and the problems found.</returns>
    public static async Task<PluginContent> ReadAsync(string folder, string relativeTo, CancellationToken cancellationToken)
    {
        var problems = new List<ContentProblem>();
        var documents = new List<(ItemDocument, string)>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new ContentProblem(Path.GetRelativePath(relativeTo, folder), "content folder not found"));
            return Collect(documents, problems);
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsContentFile)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            ReadText(text, Path.GetRelativePath(relativeTo, file).Replace('\\', '/'), documents, problems);
        }

        return Collect(documents, problems);
    }

    /// <summary>Reads one file's text; exposed so validation tools can check a single file.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="fileName">The file name, whose extension says how to read it.</param>
    /// <returns>The items read and the problems found.</returns>
    public static PluginContent ReadFile(string text, string fileName)
    {
        var problems = new List<ContentProblem>();
        var documents = new List<(ItemDocument, string)>();
        ReadText(text, fileName, documents, problems);
        return Collect(documents, problems);
    }

    // Invariants files hold checks on content, not items (see SignpostingInvariants).
    private static bool IsContentFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".yaml" or ".yml" or ".json" &&
        !path.EndsWith(".invariants.yaml", StringComparison.OrdinalIgnoreCase);

    private static void ReadText(string text, string origin, List<(ItemDocument, string)> documents, List<ContentProblem> problems)
    {
        try
        {
            if (origin.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                ReadMarkdown(text, origin, documents, problems);
            }
            else
            {
                ReadItemsList(text, origin, documents, problems);
            }
        }
        catch (YamlException ex)
        {
            problems.Add(new ContentProblem($"{origin}:{ex.Start.Line}", $"cannot be read: {FirstLine(ex)}"));
        }
    }

    private static void ReadMarkdown(string text, string origin, List<(ItemDocument, string)> documents, List<ContentProblem> problems)
    {
        var (frontMatter, body) = SplitFrontMatter(text);
        if (frontMatter is null)
        {
            problems.Add(new ContentProblem($"{origin}:1", "a Markdown content file must start with YAML front matter between '---' lines"));
            return;
        }

        var document = Deserializer.Deserialize<ItemDocument>(frontMatter) ?? new ItemDocument();
        document.Kind ??= "guidance";
        document.Body = body.Trim();
        documents.Add((document, $"{origin}:2"));
    }

    private static void ReadItemsList(string text, string origin, List<(ItemDocument, string)> documents, List<ContentProblem> problems)
    {
        // Walk the parser by hand so each item keeps the line it starts on for problem reports.
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return;
        }

        parser.Consume<DocumentStart>();
        parser.Consume<MappingStart>();
        var sawItems = false;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value != "items")
            {
                problems.Add(new ContentProblem($"{origin}:{key.Start.Line}", $"unexpected top-level key '{key.Value}' (expected 'items')"));
                parser.SkipThisAndNestedEvents();
                continue;
            }

            sawItems = true;
            parser.Consume<SequenceStart>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var line = parser.Current?.Start.Line ?? 0;
                try
                {
                    var document = Deserializer.Deserialize<ItemDocument>(parser);
                    if (document is null)
                    {
                        problems.Add(new ContentProblem($"{origin}:{line}", "an item is empty"));
                    }
                    else
                    {
                        documents.Add((document, $"{origin}:{line}"));
                    }
                }
                catch (YamlException ex)
                {
                    problems.Add(new ContentProblem($"{origin}:{ex.Start.Line}", $"cannot be read: {FirstLine(ex)}"));
                    SkipToNextItem(parser);
                }
            }
        }

        if (!sawItems)
        {
            problems.Add(new ContentProblem($"{origin}:1", "expected a top-level 'items' list"));
        }
    }

    private static void SkipToNextItem(IParser parser)
    {
        // After a failed item the parser sits inside it; skip to the end of the enclosing mapping.
        var depth = 1;
        while (depth > 0 && parser.MoveNext())
        {
            depth += parser.Current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
        }

        parser.MoveNext();
    }

    private static (string? FrontMatter, string Body) SplitFrontMatter(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (null, normalised);
        }

        var end = normalised.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (null, normalised);
        }

        var afterFence = normalised.IndexOf('\n', end + 4);
        return (normalised[4..(end + 1)], afterFence < 0 ? string.Empty : normalised[(afterFence + 1)..]);
    }

    private static string FirstLine(Exception ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    // Translations inherit from their originals before anything is mapped, so a translation file may be read before
    // or after the file it translates. Items keep the order of the originals (where order matters, as for signposting
    // rules, it is the order the en-GB files give), whatever the translation files are called.
    private static PluginContent Collect(List<(ItemDocument Document, string Origin)> documents, List<ContentProblem> problems)
    {
        TranslationInheritance.Apply(documents, problems);
        var items = documents
            .OrderBy(d => TranslationInheritance.IsDefaultLocale(d.Document.Locale) ? 0 : 1)
            .Select(d => new ItemMapper(d.Origin, problems).Map(d.Document))
            .OfType<object>()
            .ToList();
        return new PluginContent
        {
            Topics = items.OfType<Topic>().ToList(),
            Guidance = items.OfType<GuidanceArticle>().ToList(),
            Contacts = items.OfType<Contact>().ToList(),
            AgeBands = items.OfType<AgeBand>().ToList(),
            Advice = items.OfType<AgeBandAdvice>().ToList(),
            Forces = items.OfType<PoliceForce>().ToList(),
            SignpostingRules = items.OfType<SignpostingRule>().ToList(),
            SignpostingTiers = items.OfType<SignpostingTierHeading>().ToList(),
            Problems = problems,
        };
    }
}

/// <summary>
/// A code plugin whose content is its <c>content/</c> files. Derive from it when a plugin needs nothing but files;
/// override <see cref="LoadAsync"/> to add to or check what was read.
/// </summary>
public class ContentFilesPlugin : IContentPlugin
{
    /// <inheritdoc />
    public virtual async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = await ContentFolderReader.ReadPluginAsync(context.PluginDirectory, cancellationToken).ConfigureAwait(false);
        context.Log.Information(
            $"Read {content.Guidance.Count} guidance, {content.Contacts.Count} contacts, {content.AgeBands.Count} age bands, " +
            $"{content.Advice.Count} advice, {content.Topics.Count} topics, {content.SignpostingRules.Count} signposting rules; " +
            $"{content.Problems.Count} problems.");
        return content;
    }
}
