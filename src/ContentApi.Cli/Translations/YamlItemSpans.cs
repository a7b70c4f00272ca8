using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContentApi.Cli.Translations;

/// <summary>A top-level field of an item, where its text starts and ends in the file.</summary>
/// <param name="Key">The field's name.</param>
/// <param name="Start">Where the key starts.</param>
/// <param name="End">Where the value ends (trailing blank lines and comments not included).</param>
internal sealed record FieldSpan(string Key, int Start, int End);

/// <summary>An item in a YAML text: its fields and the span they cover.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Locale">The item's locale, when it names one.</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="Fields">Its top-level fields in file order.</param>
internal sealed record ItemSpan(string? Id, string? Locale, string? Kind, IReadOnlyList<FieldSpan> Fields)
{
    public int Start => Fields[0].Start;

    public int End => Fields[^1].End;
}

/// <summary>
/// Finds the items of a content file's YAML text (a list under <c>items:</c>, a bare list, or one item as in Markdown
/// front matter) with the span of every field, so an import can replace one item's words in place and leave every
/// other line of the file, comments included, exactly as its author wrote it.
/// </summary>
internal static class YamlItemSpans
{
    /// <summary>The items, and the sequence's indentation (the column of its dashes), or null for a single item.</summary>
    public static (IReadOnlyList<ItemSpan> Items, int? ListColumn) Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return ([], null);
        }

        var root = Node.Read(parser, text);
        var list = root.Kind == NodeKind.Sequence ? root : root.Pairs.FirstOrDefault(p => p.Key.Value == "items").Value;
        if (list is null)
        {
            return root.Kind == NodeKind.Mapping && root.Pairs.Count > 0 ? ([Item(root, text)], null) : ([], null);
        }

        if (list.Kind != NodeKind.Sequence || list.Flow)
        {
            throw new FormatException("the file's item list is not a block list ('- ' per item), so an import cannot add to it");
        }

        var items = list.Items.Where(i => i.Kind == NodeKind.Mapping && !i.Flow && i.Pairs.Count > 0).Select(i => Item(i, text)).ToList();
        return (items, items.Count > 0 ? ColumnOf(text, items[0].Start) - 2 : 2);
    }

    /// <summary>The column (from 0) of a position in its line.</summary>
    public static int ColumnOf(string text, int index) => index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1);

    private static ItemSpan Item(Node mapping, string text)
    {
        string? Scalar(string key) => mapping.Pairs.FirstOrDefault(p => p.Key.Value == key).Value?.Value;
        var fields = mapping.Pairs.Select(p => new FieldSpan(p.Key.Value ?? string.Empty, p.Key.Start, TrimEnd(text, p.Key.Start, p.Value.End))).ToList();
        return new ItemSpan(Scalar("id"), Scalar("locale"), Scalar("kind"), fields);
    }

    // A block scalar's end lies past its line break (and the parser's past blank lines): stop at the last character written.
    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    // The parser marks a flow collection's end event at its closing bracket; the collection's text includes it.
    private static int Closing(string text, char bracket, ParsingEvent end)
    {
        var at = text.IndexOf(bracket, (int)end.Start.Index);
        return at < 0 ? (int)end.End.Index : at + 1;
    }

    private enum NodeKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    private sealed record Node(NodeKind Kind, string? Value, int Start, int End, bool Flow, IReadOnlyList<Node> Items, IReadOnlyList<(Node Key, Node Value)> Pairs)
    {
        public static Node Read(IParser parser, string text)
        {
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                return new Node(NodeKind.Scalar, scalar.Value, (int)scalar.Start.Index, (int)scalar.End.Index, false, [], []);
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return new Node(NodeKind.Scalar, null, (int)alias.Start.Index, (int)alias.End.Index, false, [], []);
            }

            if (parser.TryConsume<SequenceStart>(out var sequence))
            {
                var items = new List<Node>();
                while (!parser.Accept<SequenceEnd>(out _))
                {
                    items.Add(Read(parser, text));
                }

                var sequenceEnd = parser.Consume<SequenceEnd>();

                // A flow list ends at its ']'; a block list where its last item ends (its end event lies at the next token).
                var flow = sequence.Style == SequenceStyle.Flow;
                var end = flow ? Closing(text, ']', sequenceEnd) : items.Count == 0 ? (int)sequenceEnd.End.Index : items[^1].End;
                return new Node(NodeKind.Sequence, null, (int)sequence.Start.Index, end, flow, items, []);
            }

            var mapping = parser.Consume<MappingStart>();
            var pairs = new List<(Node, Node)>();
            while (!parser.Accept<MappingEnd>(out _))
            {
                pairs.Add((Read(parser, text), Read(parser, text)));
            }

            var mappingEnd = parser.Consume<MappingEnd>();

            var flowMapping = mapping.Style == MappingStyle.Flow;
            var last = flowMapping ? Closing(text, '}', mappingEnd) : pairs.Count == 0 ? (int)mappingEnd.End.Index : pairs[^1].Item2.End;
            return new Node(NodeKind.Mapping, null, (int)mapping.Start.Index, last, flowMapping, [], pairs);
        }
    }
}
