using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The ids of everything being served, across plugins, so references between items (an advice's age band, an
/// article's related contacts, an override's target) can be checked by <see cref="ContentValidator.CheckReferences"/>.
/// </summary>
public sealed class ContentIndex
{
    private ContentIndex(IReadOnlyList<PluginContent> contents)
    {
        Topics = Ids(contents.SelectMany(c => c.Topics));
        Guidance = Ids(contents.SelectMany(c => c.Guidance));
        Contacts = Ids(contents.SelectMany(c => c.Contacts));
        AgeBands = Ids(contents.SelectMany(c => c.AgeBands));
        NationalGuidance = Ids(contents.SelectMany(c => c.Guidance).Where(i => i.ForceId is null));
        NationalContacts = Ids(contents.SelectMany(c => c.Contacts).Where(i => i.ForceId is null));
        NationalAdvice = Ids(contents.SelectMany(c => c.Advice).Where(i => i.ForceId is null));
    }

    /// <summary>Topic ids.</summary>
    public IReadOnlySet<string> Topics { get; }

    /// <summary>Guidance article ids.</summary>
    public IReadOnlySet<string> Guidance { get; }

    /// <summary>Contact ids.</summary>
    public IReadOnlySet<string> Contacts { get; }

    /// <summary>Age band ids.</summary>
    public IReadOnlySet<string> AgeBands { get; }

    /// <summary>Ids of guidance that belongs to no force, which a force's item may override.</summary>
    public IReadOnlySet<string> NationalGuidance { get; }

    /// <summary>Ids of contacts that belong to no force, which a force's item may override.</summary>
    public IReadOnlySet<string> NationalContacts { get; }

    /// <summary>Ids of advice that belongs to no force, which a force's item may override.</summary>
    public IReadOnlySet<string> NationalAdvice { get; }

    /// <summary>Indexes the content of every plugin being served.</summary>
    /// <param name="contents">Each plugin's validated content, with its force assigned.</param>
    /// <returns>The index.</returns>
    public static ContentIndex Of(IEnumerable<PluginContent> contents) => new(contents.ToList());

    private static HashSet<string> Ids(IEnumerable<ContentItem> items) => items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
}
