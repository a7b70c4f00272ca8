using System.Globalization;

namespace ContentApi.Content;

/// <summary>A place in a content file: the file (relative to the plugin folder), line and column, counted from 1.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The line in the file.</param>
/// <param name="Column">The column in the line.</param>
public readonly record struct FilePlace(string File, long Line, long Column)
{
    /// <summary>As problem reports and editors write it: <c>content/contacts.yaml:12:5</c>.</summary>
    /// <returns>The place.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}

/// <summary>Where one item and each of its fields were found in a file, so a problem points at the field itself.</summary>
internal sealed class FieldPlaces(FilePlace item)
{
    private readonly Dictionary<string, FilePlace> _fields = new(StringComparer.Ordinal);

    public static FieldPlaces None { get; } = new(new FilePlace(string.Empty, 0, 0));

    /// <summary>Where the item starts.</summary>
    public FilePlace Item { get; } = item;

    public void Add(string field, FilePlace place) => _fields.TryAdd(field, place);

    /// <summary>
    /// The place of a field such as <c>channels[0].value</c>; a field that is not in the file is reported where the
    /// nearest enclosing field is, or else where the item starts.
    /// </summary>
    public FilePlace Of(string field)
    {
        for (var path = field; path.Length > 0; path = Parent(path))
        {
            if (_fields.TryGetValue(path, out var place))
            {
                return place;
            }
        }

        return Item;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }
}
