using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// Reads every content file under a folder (Markdown with YAML front matter, YAML and JSON) into
/// <see cref="PluginContent"/>, each item by its kind's declaration in a <see cref="ContentKindRegistry"/>. A broken
/// file or item never stops the rest: it becomes a <see cref="ContentProblem"/> naming the file, line, column and field.
/// </summary>
public static class ContentFolderReader
{
    /// <summary>The folder inside a plugin that holds its content files.</summary>
    public const string ContentFolderName = "content";

    /// <summary>Reads the <c>content/</c> folder of a plugin.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="kinds">The kinds to read; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The items read and the problems found.</returns>
    public static Task<PluginContent> ReadPluginAsync(string pluginDirectory, CancellationToken cancellationToken, ContentKindRegistry? kinds = null) =>
        ReadAsync(Path.Combine(pluginDirectory, ContentFolderName), pluginDirectory, cancellationToken, kinds);

    /// <summary>Reads every content file under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder to read recursively.</param>
    /// <param name="relativeTo">Origins in problem reports are given relative to this folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="kinds">The kinds to read; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The items read and the problems found.</returns>
    public static async Task<PluginContent> ReadAsync(string folder, string relativeTo, CancellationToken cancellationToken, ContentKindRegistry? kinds = null)
    {
        kinds ??= ContentKindRegistry.Default;
        var problems = new List<ContentProblem>();
        var documents = await ReadDocumentsAsync(folder, relativeTo, kinds, problems, cancellationToken).ConfigureAwait(false);
        return Collect(documents, problems, kinds);
    }

    /// <summary>Every item document under a folder, as written (before translations inherit anything).</summary>
    internal static async Task<List<ItemDocument>> ReadDocumentsAsync(
        string folder, string relativeTo, ContentKindRegistry kinds, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var documents = new List<ItemDocument>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new ContentProblem(Path.GetRelativePath(relativeTo, folder), "content folder not found"));
            return documents;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsContentFile)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            ReadText(text, Path.GetRelativePath(relativeTo, file).Replace('\\', '/'), kinds, documents, problems);
        }

        return documents;
    }

    /// <summary>Reads one file's text; exposed so validation tools can check a single file.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="fileName">The file name, whose extension says how to read it.</param>
    /// <param name="kinds">The kinds to read; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The items read and the problems found.</returns>
    public static PluginContent ReadFile(string text, string fileName, ContentKindRegistry? kinds = null)
    {
        kinds ??= ContentKindRegistry.Default;
        var problems = new List<ContentProblem>();
        var documents = new List<ItemDocument>();
        ReadText(text, fileName, kinds, documents, problems);
        return Collect(documents, problems, kinds);
    }

    // Invariants files hold checks on content, not items (see SignpostingInvariants).
    private static bool IsContentFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".yaml" or ".yml" or ".json" &&
        !path.EndsWith(".invariants.yaml", StringComparison.OrdinalIgnoreCase);

    private static void ReadText(string text, string file, ContentKindRegistry kinds, List<ItemDocument> documents, List<ContentProblem> problems)
    {
        var read = new List<ContentProblem>();
        try
        {
            if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                ReadMarkdown(text, file, kinds, documents, read);
            }
            else
            {
                var yaml = new YamlItems(file, 0, kinds, read);
                if (yaml.Parse(text))
                {
                    documents.AddRange(yaml.ReadItemsList());
                }
            }
        }
#pragma warning disable CA1031 // Whatever an author writes, one file's failure must never stop the rest of the pack.
        catch (Exception)
#pragma warning restore CA1031
        {
            read.Add(new ContentProblem($"{file}:1:1", "this file could not be read; check that it is UTF-8 text in the content format"));
        }

        problems.AddRange(read);
    }

    private static void ReadMarkdown(string text, string file, ContentKindRegistry kinds, List<ItemDocument> documents, List<ContentProblem> problems)
    {
        if (MarkdownFile.Split(text) is not { } parts)
        {
            problems.Add(new ContentProblem($"{file}:1:1", "a Markdown content file must start with YAML front matter between '---' lines"));
            return;
        }

        // The front matter starts on line 2 of the file, after the opening '---'.
        var yaml = new YamlItems(file, 1, kinds, problems);
        if (!yaml.Parse(parts.FrontMatter) || yaml.ReadSingleItem(ContentKindRegistry.MarkdownKind) is not { } document)
        {
            return;
        }

        if (document is not IMarkdownDocument markdown)
        {
            problems.Add(new ContentProblem($"{document.Places.Item}", $"kind: a Markdown file holds guidance; put a {document.Kind} in a .yaml file"));
            return;
        }

        markdown.Body = parts.Body.Trim();
        var before = problems.Count;
        foreach (var (line, message) in MarkdownRules.Findings(parts.Body))
        {
            problems.Add(new ContentProblem($"{file}:{parts.BodyStartLine + line - 1}:1 ({document.Id})", $"body: {message}"));
        }

        if (problems.Count == before)
        {
            documents.Add(document);
        }
    }

    // Translations inherit from their originals before anything is mapped, so a translation file may be read before
    // or after the file it translates. Items keep the order of the originals (where order matters, as for signposting
    // rules, it is the order the en-GB files give), whatever the translation files are called.
    private static PluginContent Collect(List<ItemDocument> documents, List<ContentProblem> problems, ContentKindRegistry kinds)
    {
        TranslationInheritance.Apply(documents, problems);
        var items = new List<ContentItem>();
        foreach (var document in documents.OrderBy(d => TranslationInheritance.IsDefaultLocale(d.Locale) ? 0 : 1))
        {
            var before = problems.Count;
            var item = kinds.Find(document.Kind)!.Map(document, new ItemFields(document, problems));
            if (item is not null && problems.Count == before)
            {
                items.Add(item);
            }
        }

        return kinds.Collect(items, problems);
    }
}

/// <summary>
/// A plugin whose content is its <c>content/</c> files: what the load pipeline runs for every content pack (a manifest
/// naming no assembly). A code plugin that also ships files derives from it and overrides <see cref="LoadAsync"/> to
/// add to or check what was read; one that would add nothing should be a content pack instead.
/// </summary>
public class ContentFilesPlugin : IContentPlugin
{
    private readonly ContentKindRegistry _kinds;

    /// <summary>Reads the contract's kinds.</summary>
    public ContentFilesPlugin()
        : this(ContentKindRegistry.Default)
    {
    }

    /// <summary>Reads the kinds of a registry (a host with kinds of its own passes its registry).</summary>
    /// <param name="kinds">The kinds to read.</param>
    public ContentFilesPlugin(ContentKindRegistry kinds) => _kinds = kinds;

    /// <inheritdoc />
    public virtual async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = await ContentFolderReader.ReadPluginAsync(context.PluginDirectory, cancellationToken, _kinds).ConfigureAwait(false);
        context.Log.Information($"Read {_kinds.Describe(content)}; {content.Problems.Count} problems.");
        return content;
    }
}
