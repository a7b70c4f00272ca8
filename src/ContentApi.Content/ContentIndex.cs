using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The ids of everything being served, kind by kind, across plugins, so references between items (an advice's age
/// band, an article's related contacts, an override's target) can be checked by <see cref="ContentValidator.CheckReferences"/>.
/// </summary>
public sealed class ContentIndex
{
    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _nationalIds = new(StringComparer.Ordinal);

    private ContentIndex(IEnumerable<PluginContent> contents, ContentKindRegistry kinds)
    {
        Kinds = kinds;
        foreach (var kind in kinds.All)
        {
            _ids[kind.Name] = [];
            _nationalIds[kind.Name] = [];
        }

        foreach (var (kind, item) in contents.SelectMany(kinds.ItemsIn))
        {
            _ids[kind.Name].Add(item.Id);
            if (item.ForceId is null)
            {
                _nationalIds[kind.Name].Add(item.Id);
            }
        }
    }

    /// <summary>The kinds the index knows.</summary>
    public ContentKindRegistry Kinds { get; }

    /// <summary>Indexes the content of every plugin being served.</summary>
    /// <param name="contents">Each plugin's validated content, with its force assigned.</param>
    /// <param name="kinds">The kinds; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The index.</returns>
    public static ContentIndex Of(IEnumerable<PluginContent> contents, ContentKindRegistry? kinds = null) =>
        new(contents, kinds ?? ContentKindRegistry.Default);

    /// <summary>The ids of one kind's items.</summary>
    /// <param name="kind">The kind's name, for example <c>contact</c>.</param>
    /// <returns>The ids; empty for an unknown kind.</returns>
    public IReadOnlySet<string> IdsOf(string kind) => _ids.TryGetValue(kind, out var ids) ? ids : new HashSet<string>();

    /// <summary>True when an item of the kind has the id.</summary>
    /// <param name="kind">The kind's name.</param>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is served.</returns>
    public bool Contains(string kind, string id) => _ids.TryGetValue(kind, out var ids) && ids.Contains(id);

    /// <summary>True when an item of the kind that belongs to no force has the id: what a force's item may override.</summary>
    /// <param name="kind">The kind's name.</param>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is served nationally.</returns>
    public bool ContainsNational(string kind, string id) => _nationalIds.TryGetValue(kind, out var ids) && ids.Contains(id);
}
