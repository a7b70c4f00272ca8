using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContentApi.Content;

/// <summary>A problem found at one place in a file, before it is tied to an item.</summary>
/// <param name="Place">Where.</param>
/// <param name="Message">What, starting with the field.</param>
internal sealed record PlacedProblem(FilePlace Place, string Message);

/// <summary>
/// Checks one item's parsed YAML against its kind's document type before anything is deserialized: every field must
/// be one the document declares (a misspelt one is reported with the nearest real name), and every value must have
/// the shape its field needs (text, whole number, true or false, list, fields). It also records where each field is,
/// so later problems can point at it.
/// </summary>
internal sealed class DocumentShape(List<ParsingEvent> events, Func<Mark, FilePlace> place, FieldPlaces places, string kindName)
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> FieldsByType = new();

    private readonly List<PlacedProblem> _problems = [];

    public IReadOnlyList<PlacedProblem> Check(int start, Type documentType)
    {
        CheckNode(start, documentType, string.Empty);
        return _problems;
    }

    /// <summary>The index just after the node that starts at <paramref name="index"/>.</summary>
    public static int Skip(List<ParsingEvent> events, int index)
    {
        var depth = 0;
        do
        {
            depth += events[index] switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            index++;
        }
        while (depth > 0);

        return index;
    }

    /// <summary>The field names of a document type as files spell them (camelCase).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> FieldsOf(Type type) => FieldsByType.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal));

    private void CheckNode(int index, Type type, string path)
    {
        var node = events[index];
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (node is Scalar { Value: var text, Style: var style } && IsNull(text, style))
        {
            return; // an empty value is the same as leaving the field out
        }

        if (node is AnchorAlias)
        {
            return;
        }

        if (target == typeof(string))
        {
            Expect(node is Scalar, node, path, "should be text, not a list or fields (put it in quotes if it contains ': ')");
        }
        else if (target == typeof(int))
        {
            Expect(node is Scalar s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), node, path, "should be a whole number");
        }
        else if (target == typeof(bool))
        {
            Expect(node is Scalar s && bool.TryParse(s.Value, out _), node, path, "should be true or false");
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            CheckList(index, target.GetGenericArguments()[0], path);
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            CheckEntries(index, target.GetGenericArguments()[1], path);
        }
        else
        {
            CheckFields(index, target, path);
        }
    }

    private void CheckList(int index, Type elementType, string path)
    {
        if (!Expect(events[index] is SequenceStart, events[index], path, "should be a list, for example [one, two] or one '- ' line for each"))
        {
            return;
        }

        var position = 0;
        for (var i = index + 1; events[i] is not SequenceEnd; i = Skip(events, i))
        {
            var elementPath = $"{path}[{position++}]";
            places.Add(elementPath, place(events[i].Start));
            CheckNode(i, elementType, elementPath);
        }
    }

    // A mapping whose keys are the author's own (reader age bands, for example), each value of one type.
    private void CheckEntries(int index, Type valueType, string path)
    {
        if (!Expect(events[index] is MappingStart, events[index], path, "should be entries such as '8-10: ...', one a line"))
        {
            return;
        }

        for (var i = index + 1; events[i] is not MappingEnd;)
        {
            var valueIndex = Skip(events, i);
            var entryPath = $"{path}.{(events[i] as Scalar)?.Value}";
            places.Add(entryPath, place(events[i].Start));
            CheckNode(valueIndex, valueType, entryPath);
            i = Skip(events, valueIndex);
        }
    }

    private void CheckFields(int index, Type type, string path)
    {
        if (!Expect(events[index] is MappingStart, events[index], path, $"should be fields ({string.Join(", ", FieldsOf(type).Keys)})"))
        {
            return;
        }

        var fields = FieldsOf(type);
        for (var i = index + 1; events[i] is not MappingEnd;)
        {
            var keyNode = events[i];
            var valueIndex = Skip(events, i);
            if (keyNode is not Scalar { Value: var key })
            {
                _problems.Add(new PlacedProblem(place(keyNode.Start), $"{Described(path)}: a field name should be plain text"));
            }
            else if (fields.TryGetValue(key, out var property))
            {
                var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
                places.Add(fieldPath, place(keyNode.Start));
                CheckNode(valueIndex, property.PropertyType, fieldPath);
            }
            else
            {
                var owner = path.Length == 0 ? $"a {kindName} item" : Described(path);
                var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
                _problems.Add(new PlacedProblem(place(keyNode.Start), $"{fieldPath}: is not a field of {owner}{Suggestions.DidYouMean(key, fields.Keys)}"));
            }

            i = Skip(events, valueIndex);
        }
    }

    private bool Expect(bool holds, ParsingEvent node, string path, string message)
    {
        if (!holds)
        {
            _problems.Add(new PlacedProblem(place(node.Start), $"{Described(path)}: {message}"));
        }

        return holds;
    }

    private static string Described(string path) => path.Length == 0 ? "item" : path;

    private static bool IsNull(string text, ScalarStyle style) =>
        style is ScalarStyle.Plain && (text.Length == 0 || text is "~" or "null" or "Null" or "NULL");
}

/// <summary>Suggests the nearest known word for a misspelt one.</summary>
internal static class Suggestions
{
    /// <summary>"; did you mean `overrides`?" when a known word is close, else empty.</summary>
    public static string DidYouMean(string word, IEnumerable<string> known)
    {
        var best = known
            .Select(candidate => (Candidate: candidate, Distance: Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Candidate.Length / 3))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Candidate is null ? string.Empty : $"; did you mean `{best.Candidate}`?";
    }

    // Levenshtein distance with adjacent swaps counted as one edit (a common typing slip).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
