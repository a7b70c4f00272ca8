using ContentApi.Abstractions;
using ContentApi.Host.Plugins;

namespace ContentApi.Host.Content;

/// <summary>An item together with the plugin that supplied it.</summary>
internal sealed record Entry<T>(T Item, PluginReport Plugin)
    where T : ContentItem;

/// <summary>
/// All content from all plugins at one moment, immutable. A reload builds a new snapshot and swaps it in whole, so a
/// request never sees half of one load and half of another.
/// </summary>
internal sealed class ContentSnapshot
{
    public static ContentSnapshot Empty { get; } = new([], DateTimeOffset.MinValue);

    public ContentSnapshot(IReadOnlyList<LoadedPlugin> plugins, DateTimeOffset loadedAt)
    {
        Plugins = plugins;
        LoadedAt = loadedAt;
        var conflicts = new List<(PluginReport Plugin, ContentProblem Problem)>();
        Topics = Merge(plugins, c => c.Topics, "topic", conflicts);
        Guidance = Merge(plugins, c => c.Guidance, "guidance", conflicts);
        Contacts = Merge(plugins, c => c.Contacts, "contact", conflicts);
        AgeBands = Merge(plugins, c => c.AgeBands, "age-band", conflicts);
        Advice = Merge(plugins, c => c.Advice, "advice", conflicts);
        Forces = Merge(plugins, c => c.Forces, "force", conflicts);
        CrossPluginProblems = conflicts;
        IsLoaded = loadedAt != DateTimeOffset.MinValue;
    }

    public bool IsLoaded { get; }

    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Items refused because another plugin, loaded first, already supplied the same id.</summary>
    public IReadOnlyList<(PluginReport Plugin, ContentProblem Problem)> CrossPluginProblems { get; }

    public IReadOnlyList<Entry<Topic>> Topics { get; }

    public IReadOnlyList<Entry<GuidanceArticle>> Guidance { get; }

    public IReadOnlyList<Entry<Contact>> Contacts { get; }

    public IReadOnlyList<Entry<AgeBand>> AgeBands { get; }

    public IReadOnlyList<Entry<AgeBandAdvice>> Advice { get; }

    public IReadOnlyList<Entry<PoliceForce>> Forces { get; }

    private static List<Entry<T>> Merge<T>(
        IReadOnlyList<LoadedPlugin> plugins,
        Func<PluginContent, IReadOnlyList<T>> select,
        string kind,
        List<(PluginReport, ContentProblem)> conflicts)
        where T : ContentItem
    {
        var merged = new List<Entry<T>>();
        var owners = new Dictionary<(string Id, string Locale), string>();
        foreach (var plugin in plugins.Where(p => p.Report.Status != PluginStatus.Faulted))
        {
            foreach (var item in select(plugin.Content))
            {
                if (owners.TryGetValue((item.Id, item.Locale), out var owner))
                {
                    conflicts.Add((plugin.Report, new ContentProblem(
                        item.Origin ?? item.Id,
                        $"{kind} '{item.Id}' ({item.Locale}) is already supplied by plugin '{owner}'; to replace it for a force, give it a new id with overrides: {item.Id}")));
                    continue;
                }

                owners[(item.Id, item.Locale)] = plugin.Report.Id;
                merged.Add(new Entry<T>(item, plugin.Report));
            }
        }

        return merged;
    }
}

/// <summary>Holds the current snapshot; swapped atomically when content is loaded or reloaded.</summary>
internal sealed class ContentStore
{
    private volatile ContentSnapshot _current = ContentSnapshot.Empty;

    public ContentSnapshot Current => _current;

    public void Replace(ContentSnapshot snapshot) => _current = snapshot;
}
