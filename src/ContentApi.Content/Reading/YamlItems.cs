using ContentApi.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentApi.Content;

/// <summary>
/// Reads the items of one YAML text (an items file, or a Markdown file's front matter) into their kinds' documents.
/// The whole text is parsed first, so a syntax error refuses this file only and is reported at its line and column;
/// then each item's fields are checked against its kind's document (<see cref="DocumentShape"/>), so a misspelt field
/// is reported where it is, with a suggestion, before anything is deserialized.
/// </summary>
internal sealed class YamlItems(string file, long lineOffset, ContentKindRegistry kinds, List<ContentProblem> problems)
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties() // unknown fields were reported, with suggestions, by DocumentShape
        .Build();

    private List<ParsingEvent> _events = [];

    /// <summary>Parses the text; false (with the problem reported) when it is not well-formed YAML.</summary>
    public bool Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                _events.Add(parser.Current!);
            }

            return true;
        }
#pragma warning disable CA1031 // The parser throws more than YamlException at some ends of text; all mean "not well-formed".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A bracket left open is reported where it was opened: the parser only notices lines later, somewhere else.
            // Other errors without a place (at the end of the file) are put at the last thing read, the nearest.
            var start = (ex as YamlException)?.Start ?? Mark.Empty;
            var opener = UnclosedFlowCollection();
            var mark = opener?.Start ?? (start.Index > 0 || _events.Count == 0 ? start : _events[^1].End);
            var hint = opener switch
            {
                SequenceStart => "a list opened with '[' here is not closed with ']' (or a ',' is missing between its entries)",
                MappingStart => "a '{' opened here is not closed with '}' (or a ',' is missing between its fields)",
                _ => SyntaxHint(ex),
            };
            _events = [];
            problems.Add(new ContentProblem(Place(mark).ToString(), $"this file is not well-formed YAML, so none of it was read: {hint}"));
            return false;
        }
    }

    /// <summary>The innermost '[...]' or '{...}' the parser opened and never saw closed, if any.</summary>
    private ParsingEvent? UnclosedFlowCollection()
    {
        var open = new Stack<ParsingEvent>();
        foreach (var parsed in _events)
        {
            if (parsed is SequenceStart or MappingStart)
            {
                open.Push(parsed);
            }
            else if (parsed is SequenceEnd or MappingEnd && open.Count > 0)
            {
                open.Pop();
            }
        }

        return open.FirstOrDefault(e => e is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow });
    }

    /// <summary>Reads the top-level <c>items</c> list.</summary>
    public IEnumerable<ItemDocument> ReadItemsList()
    {
        if (_events.Count == 0 || _events[1] is StreamEnd)
        {
            yield break;
        }

        var i = 2; // after StreamStart and DocumentStart
        if (_events[i] is not MappingStart)
        {
            problems.Add(new ContentProblem(Place(_events[i].Start).ToString(), "expected a top-level 'items' list"));
            yield break;
        }

        var sawItems = false;
        for (i++; _events[i] is not MappingEnd;)
        {
            var key = _events[i] as Scalar;
            i++;
            if (key?.Value != "items" || _events[i] is not SequenceStart)
            {
                var what = key is null ? "a top-level key" : $"'{key.Value}'";
                problems.Add(new ContentProblem(Place(_events[i - 1].Start).ToString(), key?.Value == "items"
                    ? "items: should be a list of items, each starting with '- kind:'"
                    : $"{what} is not expected here: a content file has one top-level key, 'items'"));
                i = DocumentShape.Skip(_events, i);
                continue;
            }

            sawItems = true;
            for (i++; _events[i] is not SequenceEnd; i = DocumentShape.Skip(_events, i))
            {
                if (ReadItem(i, defaultKind: null) is { } document)
                {
                    yield return document;
                }
            }

            i++;
        }

        if (!sawItems)
        {
            problems.Add(new ContentProblem(Place(_events[2].Start).ToString(), "expected a top-level 'items' list"));
        }
    }

    /// <summary>Reads the text as one item: a Markdown file's front matter.</summary>
    public ItemDocument? ReadSingleItem(ContentKind defaultKind) =>
        _events.Count > 2 && _events[2] is MappingStart ? ReadItem(2, defaultKind)
        : Report(_events.Count > 2 ? _events[2].Start : Mark.Empty, "front matter should be fields such as 'id: my-article', one a line");

    private ItemDocument? ReadItem(int start, ContentKind? defaultKind)
    {
        var place = Place(_events[start].Start);
        if (_events[start] is not MappingStart)
        {
            return Report(_events[start].Start, "an item should be fields such as 'kind: contact', one a line");
        }

        var (kindText, kindPlace) = TopLevelScalar(start, "kind");
        var id = TopLevelScalar(start, "id").Value;
        var kind = kindText is null ? defaultKind : kinds.Find(kindText);
        var at = id is null ? string.Empty : $" ({id})";
        if (kind is null)
        {
            var known = string.Join(", ", kinds.All.Select(k => k.Name));
            var message = kindText is null
                ? $"kind: is required ({known})"
                : $"kind: '{kindText}' is not a known kind{Suggestions.DidYouMean(kindText, kinds.All.Select(k => k.Name))} ({known})";
            problems.Add(new ContentProblem($"{(kindText is null ? place : kindPlace)}{at}", message));
            return null;
        }

        var places = new FieldPlaces(place);
        var shapeProblems = new DocumentShape(_events, Place, places, kind.Name).Check(start, kind.DocumentType);
        problems.AddRange(shapeProblems.Select(p => new ContentProblem($"{p.Place}{at}", p.Message)));
        if (shapeProblems.Count > 0)
        {
            return null;
        }

        try
        {
            var replay = new EventReplay(_events, start, DocumentShape.Skip(_events, start));
            var document = (ItemDocument?)Deserializer.Deserialize(replay, kind.DocumentType) ?? (ItemDocument)Activator.CreateInstance(kind.DocumentType)!;
            document.Kind = kind.Name;
            document.Places = places;
            return document;
        }
        catch (YamlException ex)
        {
            // DocumentShape checks every value's shape first, so this is a value it did not foresee.
            return Report(ex.Start, "this value cannot be read here; check the field's type in the kind's JSON Schema");
        }
    }

    private (string? Value, FilePlace Place) TopLevelScalar(int mappingStart, string key)
    {
        for (var i = mappingStart + 1; i < _events.Count && _events[i] is not MappingEnd; i = DocumentShape.Skip(_events, i + 1))
        {
            if (_events[i] is Scalar { Value: var name } && name == key && _events[i + 1] is Scalar value)
            {
                return (string.IsNullOrWhiteSpace(value.Value) ? null : value.Value.Trim(), Place(value.Start));
            }
        }

        return (null, default);
    }

    private ItemDocument? Report(Mark mark, string message)
    {
        problems.Add(new ContentProblem(Place(mark).ToString(), message));
        return null;
    }

    private FilePlace Place(Mark mark) => new(file, Math.Max(mark.Line, 1) + lineOffset, Math.Max(mark.Column, 1));

    // Said in an author's words, never the parser's exception text.
    private static string SyntaxHint(Exception ex)
    {
        var message = ex.Message;
        bool Says(string words) => message.Contains(words, StringComparison.OrdinalIgnoreCase);
        return true switch
        {
            _ when Says("flow sequence") => "a list opened with '[' is not closed with ']' (or a ',' is missing between its entries)",
            _ when Says("flow mapping") => "a '{' is not closed with '}' (or a ',' is missing between its fields)",
            _ when Says("quoted scalar") => "a quoted text is not closed with its quote mark",
            _ when Says("mapping values are not allowed") => "a ':' followed by a space is inside a value; put that value in quotes",
            _ when Says("block") || Says("indentation") => "the indentation is not consistent: fields of one item must line up",
            _ when Says("tab") => "tabs are not allowed for indentation; use spaces",
            _ => "check the quotes, brackets and indentation around here",
        };
    }

    /// <summary>Replays one node's buffered events, so the deserializer reads an item after its fields were checked.</summary>
    private sealed class EventReplay(List<ParsingEvent> events, int start, int end) : IParser
    {
        private int _next = start;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < end ? events[_next++] : null;
            return Current is not null;
        }
    }
}
