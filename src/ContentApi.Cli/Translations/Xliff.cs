using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ContentApi.Content;

namespace ContentApi.Cli.Translations;

/// <summary>One item's strings as a translator returned them.</summary>
/// <param name="Plugin">The plugin folder's name.</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Fingerprint">The fingerprint of the English the translator was given.</param>
/// <param name="Targets">The translations, by unit path; a string left untranslated is absent.</param>
internal sealed record TranslatedItem(string Plugin, string Kind, string Id, string Fingerprint, IReadOnlyDictionary<string, string> Targets);

/// <summary>
/// XLIFF 2.0 (OASIS), the exchange format translation tools read: one <c>file</c> per content file, one <c>group</c>
/// per item with notes saying what it is and who it is for, one <c>unit</c> per string. The English fingerprint rides
/// on the group as an attribute of our own namespace, which XLIFF 2.0 allows and tools keep.
/// </summary>
internal static class Xliff
{
    public static readonly XNamespace Core = "urn:oasis:names:tc:xliff:document:2.0";
    public static readonly XNamespace Ours = "urn:safeguarding-content-api:translation:1";

    public static XDocument Write(string locale, IEnumerable<(string Plugin, TranslatableItem Item)> items)
    {
        var files = items
            .GroupBy(i => $"{i.Plugin}/{i.Item.File}", StringComparer.Ordinal)
            .Select((file, index) => new XElement(Core + "file",
                new XAttribute("id", $"f{(index + 1).ToString(CultureInfo.InvariantCulture)}"),
                new XAttribute("original", file.Key),
                file.Select(i => Group(i.Plugin, i.Item))));
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Core + "xliff",
                new XAttribute("version", "2.0"),
                new XAttribute("srcLang", Abstractions.ContentItem.DefaultLocale),
                new XAttribute("trgLang", locale),
                new XAttribute(XNamespace.Xmlns + "sca", Ours),
                files));
    }

    public static IReadOnlyList<TranslatedItem> Read(XDocument document, string locale)
    {
        var root = document.Root;
        if (root is null || root.Name != Core + "xliff" || (string?)root.Attribute("version") != "2.0")
        {
            throw new FormatException("this is not an XLIFF 2.0 file (urn:oasis:names:tc:xliff:document:2.0)");
        }

        if (!string.Equals((string?)root.Attribute("trgLang"), locale, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the file translates into {(string?)root.Attribute("trgLang") ?? "no language"}, not {locale}");
        }

        return root.Elements(Core + "file").SelectMany(file => file.Elements(Core + "group")).Select(group => new TranslatedItem(
                (string?)group.Attribute(Ours + "plugin") ?? string.Empty,
                (string?)group.Attribute(Ours + "kind") ?? string.Empty,
                (string?)group.Attribute(Ours + "id") ?? string.Empty,
                (string?)group.Attribute(Ours + "fingerprint") ?? string.Empty,
                group.Elements(Core + "unit")
                    .Select(unit => (Path: (string?)unit.Attribute("name"), Target: TargetOf(unit)))
                    .Where(u => u.Path is not null && !string.IsNullOrWhiteSpace(u.Target))
                    .ToDictionary(u => u.Path!, u => u.Target!, StringComparer.Ordinal)))
            .ToList();
    }

    public static async Task SaveAsync(XDocument document, string path, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        await using var stream = File.Create(path);
        await using var writer = XmlWriter.Create(stream, settings);
        await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    private static XElement Group(string plugin, TranslatableItem item)
    {
        var previous = item.State == TranslationState.Stale ? item.Translation?.Units.ToDictionary(u => u.Path, u => u.Text, StringComparer.Ordinal) : null;
        return new XElement(Core + "group",
            new XAttribute("id", $"{item.Kind}.{item.Id}"),
            new XAttribute("name", item.Id),
            new XAttribute(Ours + "plugin", plugin),
            new XAttribute(Ours + "kind", item.Kind),
            new XAttribute(Ours + "id", item.Id),
            new XAttribute(Ours + "fingerprint", item.Fingerprint),
            Notes(TranslationNotes.ForItem(item)),
            item.Units.Select(unit => new XElement(Core + "unit",
                new XAttribute("id", $"{item.Kind}.{item.Id}.{unit.Path}"),
                new XAttribute("name", unit.Path),
                Notes(TranslationNotes.ForUnit(item, unit, previous?.GetValueOrDefault(unit.Path))),
                new XElement(Core + "segment",
                    new XAttribute("state", "initial"),
                    new XElement(Core + "source", new XAttribute(XNamespace.Xml + "space", "preserve"), unit.Text)))));
    }

    private static XElement? Notes(IReadOnlyList<(string Category, string Text)> notes) => notes.Count == 0
        ? null
        : new XElement(Core + "notes", notes.Select(n => new XElement(Core + "note", new XAttribute("category", n.Category), n.Text)));

    // A unit may split its text into several segments; the translation is all of their targets in order.
    private static string? TargetOf(XElement unit)
    {
        var targets = unit.Elements(Core + "segment").Select(s => s.Element(Core + "target")).ToList();
        return targets.Any(t => t is null) ? null : string.Concat(targets.Select(t => t!.Value));
    }
}
