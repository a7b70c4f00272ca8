using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Content;

/// <summary>One string a translator translates, named by its path in the item (<c>title</c>, <c>talkAbout.2</c>,
/// <c>reasons.8-10</c>, <c>channels.0.label</c>).</summary>
/// <param name="Path">Where the string lives in the item, as the content files name the fields.</param>
/// <param name="Text">The words.</param>
public sealed record TranslationUnit(string Path, string Text);

/// <summary>
/// The words of an item: every field marked <see cref="PerLocaleAttribute"/> that holds prose, in declaration order. The
/// one list the stale check, the fingerprint, the XLIFF export and the import all read, so a new kind's words are
/// translatable as soon as its fields are marked.
/// </summary>
public static class TranslationUnits
{
    // Per-locale fields that are not words: the language itself and the translation's own record.
    private static readonly HashSet<string> NotWords = new(StringComparer.Ordinal)
    {
        nameof(ItemDocument.Locale), nameof(ItemDocument.TranslationStatus), nameof(ItemDocument.Translation),
    };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> WordProperties = new();

    /// <summary>The words of a document, in the order its type declares them.</summary>
    /// <param name="document">An item as read from a content file.</param>
    /// <returns>Each string with its path; empty strings are left out.</returns>
    public static IReadOnlyList<TranslationUnit> Of(ItemDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var units = new List<TranslationUnit>();
        foreach (var property in Words(document.GetType()))
        {
            var name = FieldName(property.Name);
            switch (property.GetValue(document))
            {
                case string text:
                    Add(units, name, text);
                    break;
                case IDictionary<string, string> byKey:
                    foreach (var (key, text) in byKey)
                    {
                        Add(units, $"{name}.{key}", text);
                    }

                    break;
                case IEnumerable<ChannelDocument> channels:
                    foreach (var (channel, index) in channels.Select((c, i) => (c, i)))
                    {
                        Add(units, $"{name}.{index.ToString(CultureInfo.InvariantCulture)}.label", channel.Label);
                        Add(units, $"{name}.{index.ToString(CultureInfo.InvariantCulture)}.hours.text", channel.Hours?.Text);
                    }

                    break;
                case IEnumerable list:
                    foreach (var (text, index) in list.OfType<string>().Select((t, i) => (t, i)))
                    {
                        Add(units, $"{name}.{index.ToString(CultureInfo.InvariantCulture)}", text);
                    }

                    break;
            }
        }

        return units;
    }

    /// <summary>
    /// A short fingerprint of an item's words (<c>sha256:</c> and 16 hex digits). A translation records the fingerprint
    /// of the English it was made from; when the English changes, so does this.
    /// </summary>
    /// <param name="document">The original item.</param>
    /// <returns>The fingerprint.</returns>
    public static string Fingerprint(ItemDocument document)
    {
        var text = new StringBuilder();
        foreach (var unit in Of(document))
        {
            text.Append(unit.Path).Append('\u001F').Append(unit.Text.Trim()).Append('\u001E');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>A field as the content files name it: camelCase.</summary>
    /// <param name="propertyName">The C# property name.</param>
    /// <returns>The file's field name.</returns>
    internal static string FieldName(string propertyName) =>
        string.Concat(propertyName[..1].ToLowerInvariant(), propertyName.AsSpan(1));

    private static PropertyInfo[] Words(Type documentType) => WordProperties.GetOrAdd(documentType, type => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<PerLocaleAttribute>() is not null && !NotWords.Contains(p.Name))
        .OrderBy(p => p.DeclaringType == typeof(ItemDocument) ? 1 : 0) // the kind's own words first, shared ones (attribution) last
        .ToArray());

    private static void Add(List<TranslationUnit> units, string path, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            units.Add(new TranslationUnit(path, text));
        }
    }
}
