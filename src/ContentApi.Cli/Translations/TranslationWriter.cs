using System.Globalization;
using System.Text;
using ContentApi.Content;

namespace ContentApi.Cli.Translations;

/// <summary>Who made a translation, when, and from which English.</summary>
/// <param name="Locale">The language translated into.</param>
/// <param name="Translator">Who translated it.</param>
/// <param name="Day">The day it was imported.</param>
internal sealed record TranslationStamp(string Locale, string Translator, DateOnly Day);

/// <summary>
/// Writes a translated item into the plugin's content files, marked <c>needs-review</c> with the translator named: in
/// place of the item's existing translation when there is one (its other fields and the rest of the file kept as they
/// were), otherwise beside the original (<c>contacts.yaml</c> gets <c>contacts.cy-GB.yaml</c>, <c>article.md</c> gets
/// <c>cy-GB/article.md</c>). Only the words and the translation record are written: everything else is inherited.
/// </summary>
internal static class TranslationWriter
{
    /// <summary>Writes one item; returns the file written, relative to the plugin folder.</summary>
    public static async Task<string> WriteAsync(
        string pluginDirectory, TranslatableItem item, IReadOnlyDictionary<string, string> targets, string fingerprint, TranslationStamp stamp,
        CancellationToken cancellationToken)
    {
        var markdown = item.File.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var file = item.Translation?.File ?? PlaceFor(item.File, stamp.Locale, markdown);
        var path = Path.Combine(pluginDirectory, file);
        var generated = Header(item, stamp, fingerprint);
        generated.AddRange(Words(item, targets, includeBody: !markdown));
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
        var written = markdown
            ? MarkdownFile(text, generated, targets["body"])
            : YamlFile(text, item, stamp.Locale, generated);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, written, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return file;
    }

    /// <summary>
    /// Records on an existing translation the fingerprint of the English it was made from (and who made it), leaving
    /// its words and every other line as they are: for translations made before the kit, so that from now on an edit
    /// to the English marks them stale.
    /// </summary>
    public static async Task StampAsync(string pluginDirectory, TranslatableItem item, string locale, string translator, CancellationToken cancellationToken)
    {
        var path = Path.Combine(pluginDirectory, item.Translation!.File);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        List<string> record = ["translation:", $"  translator: {Quote(translator)}", $"  source: \"{item.Fingerprint}\""];
        string stamped;
        if (item.Translation.File.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            var (frontMatter, rest) = SplitFrontMatter(text);
            stamped = $"---\n{ReplaceIn(frontMatter, item, locale, record)}{rest}";
        }
        else
        {
            stamped = ReplaceIn(text, item, locale, record);
        }

        await File.WriteAllTextAsync(path, stamped, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string ReplaceIn(string text, TranslatableItem item, string locale, List<string> generated)
    {
        var (items, _) = YamlItemSpans.Read(text);
        var existing = Find(items, item, locale)
            ?? throw new FormatException($"{item.Kind} '{item.Id}' ({locale}) was not found where it was read from");
        return text[..existing.Start] + Replace(text, existing, generated, YamlItemSpans.ColumnOf(text, existing.Start)) + text[existing.End..];
    }

    private static ItemSpan? Find(IReadOnlyList<ItemSpan> items, TranslatableItem item, string locale) =>
        items.FirstOrDefault(i => i.Id == item.Id && i.Kind?.Trim() == item.Kind && string.Equals(i.Locale?.Trim(), locale, StringComparison.OrdinalIgnoreCase));

    // Markdown front matter between the opening '---' line and the next; the rest starts at that closing line.
    private static (string FrontMatter, string Remainder) SplitFrontMatter(string text)
    {
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return close < 0 ? (string.Empty, text) : (text[3..(close + 1)].TrimStart('\r', '\n'), text[(close + 1)..]);
    }

    private static string PlaceFor(string englishFile, string locale, bool markdown)
    {
        var folder = Path.GetDirectoryName(englishFile) ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(englishFile);
        return markdown
            ? Path.Combine(folder, locale, name + ".md").Replace('\\', '/')
            : Path.Combine(folder, $"{name}.{locale}.yaml").Replace('\\', '/');
    }

    private static List<string> Header(TranslatableItem item, TranslationStamp stamp, string fingerprint) =>
    [
        $"kind: {item.Kind}",
        $"id: {item.Id}",
        $"locale: {stamp.Locale}",
        "translationStatus: needs-review",
        "translation:",
        $"  translator: {Quote(stamp.Translator)}",
        $"  translated: {stamp.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        $"  source: \"{fingerprint}\"",
    ];

    // The words, field by field in the original's order, shaped as the original's fields are: text, a list of texts,
    // texts by reader age band, or channels named by type and value.
    private static IEnumerable<string> Words(TranslatableItem item, IReadOnlyDictionary<string, string> targets, bool includeBody)
    {
        var lines = new List<string>();
        foreach (var field in item.Units.GroupBy(u => u.Path.Split('.')[0]))
        {
            var paths = field.Select(u => u.Path).ToList();
            if (field.Key == "body" && !includeBody)
            {
                continue;
            }

            if (paths is [var only] && only == field.Key)
            {
                AddScalar(lines, 0, $"{field.Key}:", targets[only]);
            }
            else if (field.Key == "channels")
            {
                lines.Add("channels:");
                foreach (var channel in paths.GroupBy(p => int.Parse(p.Split('.')[1], CultureInfo.InvariantCulture)))
                {
                    lines.Add($"  - type: {item.Channels[channel.Key].Type}");
                    lines.Add($"    value: {Quote(item.Channels[channel.Key].Value)}");
                    foreach (var path in channel)
                    {
                        var label = path.EndsWith(".label", StringComparison.Ordinal);
                        if (!label)
                        {
                            lines.Add("    hours:");
                        }

                        AddScalar(lines, label ? 4 : 6, label ? "label:" : "text:", targets[path]);
                    }
                }
            }
            else
            {
                lines.Add($"{field.Key}:");
                foreach (var path in paths)
                {
                    var key = path[(field.Key.Length + 1)..];
                    AddScalar(lines, 2, key.All(char.IsAsciiDigit) ? "-" : $"{Quote(key)}:", targets[path]);
                }
            }
        }

        return lines;
    }

    private static void AddScalar(List<string> lines, int indent, string lead, string text)
    {
        var pad = new string(' ', indent);
        var value = text.Trim().ReplaceLineEndings("\n");
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            lines.Add($"{pad}{lead} {Quote(value)}");
            return;
        }

        lines.Add($"{pad}{lead} |-");
        lines.AddRange(value.Split('\n').Select(line => line.Length == 0 ? string.Empty : $"{pad}  {line.TrimEnd()}"));
    }

    // YAML double-quoted scalars take JSON's escapes, so every string round-trips, whatever characters it holds.
    private static string Quote(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string YamlFile(string? text, TranslatableItem item, string locale, List<string> generated)
    {
        if (text is null)
        {
            return $"# {locale} translations of the items in {Path.GetFileName(item.File)}, written by contentapi translations import.\n" +
                   "# Only the words are here: everything else comes from the en-GB item with the same id.\n" +
                   "items:\n" + "  - " + Join(generated, 4) + "\n";
        }

        var (items, listColumn) = YamlItemSpans.Read(text);
        if (Find(items, item, locale) is not null)
        {
            return ReplaceIn(text, item, locale, generated);
        }

        var column = listColumn ?? throw new FormatException("the file holds one item, not a list; an import cannot add to it");
        return text.TrimEnd() + "\n\n" + new string(' ', column) + "- " + Join(generated, column + 2) + "\n";
    }

    // The existing item's own fields other than its words and translation record stay exactly as written; the
    // generated kind, id and locale lines give way to the ones already there.
    private static string Replace(string text, ItemSpan existing, List<string> generated, int column)
    {
        var replaced = generated.Where(l => !l.StartsWith(' ')).Select(l => l.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        var kept = existing.Fields.Where(f => !replaced.Contains(f.Key) || f.Key is "kind" or "id" or "locale").ToList();
        var keptKeys = kept.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var fresh = DropFields(generated, keptKeys);

        // Full-line comments inside the item are the author's notes: each stays above the field it was above, or, when
        // that field is rewritten, above the rewritten fields. Only the gaps between fields are searched, so a Markdown
        // heading inside a block of text is never taken for a comment.
        var parts = new List<string>();
        var orphaned = new List<string>();
        for (var i = 0; i < existing.Fields.Count; i++)
        {
            var field = existing.Fields[i];
            var comments = i == 0 ? [] : CommentsIn(text[existing.Fields[i - 1].End..field.Start]);
            if (keptKeys.Contains(field.Key))
            {
                parts.AddRange(comments);
                parts.Add(text[field.Start..field.End]);
            }
            else
            {
                orphaned.AddRange(comments);
            }
        }

        parts.AddRange(orphaned);
        parts.AddRange(fresh);
        return Join(parts, column);
    }

    private static List<string> CommentsIn(string gap) =>
        gap.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('#')).ToList();

    private static List<string> DropFields(List<string> generated, HashSet<string> keys)
    {
        var result = new List<string>();
        var dropping = false;
        foreach (var line in generated)
        {
            if (!line.StartsWith(' ') && line.Length > 0)
            {
                dropping = keys.Contains(line.Split(':')[0]);
            }

            if (!dropping)
            {
                result.Add(line);
            }
        }

        return result;
    }

    private static string Join(List<string> lines, int column) =>
        string.Join("\n", lines.Select((line, i) => i == 0 || line.Length == 0 ? line : new string(' ', column) + line));

    private static string MarkdownFile(string? existing, List<string> generated, string body)
    {
        var frontMatter = string.Join("\n", generated);
        if (existing is not null && existing.StartsWith("---", StringComparison.Ordinal))
        {
            var (old, _) = SplitFrontMatter(existing);
            var (items, _) = YamlItemSpans.Read(old);
            if (items.Count == 1)
            {
                frontMatter = (old[..items[0].Start] + Replace(old, items[0], generated, 0)).TrimEnd();
            }
        }

        return $"---\n{frontMatter}\n---\n\n{body.Trim().ReplaceLineEndings("\n")}\n";
    }
}
