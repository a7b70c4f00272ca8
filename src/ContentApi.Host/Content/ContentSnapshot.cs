namespace ContentApi.Host.Content;

/// <summary>An item together with the plugin that supplied it.</summary>
internal sealed record Entry<T>(T Item, PluginReport Plugin)
    where T : ContentItem;

/// <summary>An item of any kind, with its kind and the plugin that supplied it.</summary>
internal sealed record AnyEntry(ContentKind Kind, ContentItem Item, PluginReport Plugin);

/// <summary>
/// All content from all plugins at one moment, immutable. A reload builds a new snapshot and swaps it in whole, so a
/// request never sees half of one load and half of another.
/// </summary>
internal sealed class ContentSnapshot
{
    public static ContentSnapshot Empty { get; } = new([], DateTimeOffset.MinValue);

    private readonly Dictionary<ContentKind, List<AnyEntry>> _entries;

    public ContentSnapshot(IReadOnlyList<LoadedPlugin> plugins, DateTimeOffset loadedAt, ContentKindRegistry? kinds = null)
    {
        Plugins = plugins;
        LoadedAt = loadedAt;
        Kinds = kinds ?? ContentKindRegistry.Default;
        var conflicts = new List<(PluginReport Plugin, ContentProblem Problem)>();
        _entries = Kinds.All.ToDictionary(kind => kind, kind => Merge(plugins, kind, conflicts));
        Topics = Typed<Topic>(BuiltInKinds.Topic);
        Guidance = Typed<GuidanceArticle>(BuiltInKinds.Guidance);
        Contacts = Typed<Contact>(BuiltInKinds.Contact);
        AgeBands = Typed<AgeBand>(BuiltInKinds.AgeBand);
        Advice = Typed<AgeBandAdvice>(BuiltInKinds.Advice);
        Forces = Typed<PoliceForce>(BuiltInKinds.Force);
        SignpostingRules = Typed<SignpostingRule>(BuiltInKinds.SignpostingRule);
        SignpostingTiers = Typed<SignpostingTierHeading>(BuiltInKinds.SignpostingTier);
        _crossPluginProblems = FindCrossPluginProblems(plugins, conflicts, Kinds);
        Locales = All.Select(e => e.Item.Locale).Append(ContentItem.DefaultLocale).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        IsLoaded = loadedAt != DateTimeOffset.MinValue;
    }

    /// <summary>The kinds this snapshot holds, each declared once.</summary>
    public ContentKindRegistry Kinds { get; }

    private readonly Dictionary<PluginReport, List<PluginProblem>> _crossPluginProblems;

    public bool IsLoaded { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Every locale some item is written in; en-GB always.</summary>
    public IReadOnlyList<string> Locales { get; }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>
    /// A plugin's own problems plus those only the whole set of plugins reveals: items refused because another plugin
    /// already supplied the id (errors), and references to ids no plugin supplies (warnings).
    /// </summary>
    public IReadOnlyList<PluginProblem> ProblemsOf(PluginReport report) =>
        _crossPluginProblems.TryGetValue(report, out var more) ? [.. report.Problems, .. more] : report.Problems;

    /// <summary>The plugin's status once problems found across plugins are counted.</summary>
    public PluginStatus StatusOf(PluginReport report) =>
        report.Status == PluginStatus.Healthy && _crossPluginProblems.ContainsKey(report) ? PluginStatus.Degraded : report.Status;

    public IReadOnlyList<Entry<Topic>> Topics { get; }

    public IReadOnlyList<Entry<GuidanceArticle>> Guidance { get; }

    public IReadOnlyList<Entry<Contact>> Contacts { get; }

    public IReadOnlyList<Entry<AgeBand>> AgeBands { get; }

    public IReadOnlyList<Entry<AgeBandAdvice>> Advice { get; }

    public IReadOnlyList<Entry<PoliceForce>> Forces { get; }

    public IReadOnlyList<Entry<SignpostingRule>> SignpostingRules { get; }

    public IReadOnlyList<Entry<SignpostingTierHeading>> SignpostingTiers { get; }

    /// <summary>Every item of every kind, for views across kinds such as reviews and the changes feed.</summary>
    public IEnumerable<AnyEntry> All => Kinds.All.SelectMany(kind => _entries[kind]);

    /// <summary>The items of one kind.</summary>
    public IReadOnlyList<AnyEntry> Of(ContentKind kind) => _entries.TryGetValue(kind, out var entries) ? entries : [];

    private List<Entry<T>> Typed<T>(ContentKind kind)
        where T : ContentItem => Of(kind).Select(e => new Entry<T>((T)e.Item, e.Plugin)).ToList();

    private static Dictionary<PluginReport, List<PluginProblem>> FindCrossPluginProblems(
        IReadOnlyList<LoadedPlugin> plugins, List<(PluginReport Plugin, ContentProblem Problem)> conflicts, ContentKindRegistry kinds)
    {
        var serving = plugins.Where(p => p.Report.Status != PluginStatus.Faulted).ToList();
        var index = ContentIndex.Of(serving.Select(p => p.Content), kinds);
        var found = conflicts.Select(c => (c.Plugin, Problem: PluginProblem.Error(c.Problem)))
            .Concat(serving.SelectMany(p => ContentValidator.CheckReferences(p.Content, index).Select(w => (Plugin: p.Report, Problem: PluginProblem.Warning(w)))));
        var byPlugin = new Dictionary<PluginReport, List<PluginProblem>>(ReferenceEqualityComparer.Instance);
        foreach (var (plugin, problem) in found)
        {
            if (!byPlugin.TryGetValue(plugin, out var list))
            {
                byPlugin[plugin] = list = [];
            }

            list.Add(problem);
        }

        return byPlugin;
    }

    private static List<AnyEntry> Merge(IReadOnlyList<LoadedPlugin> plugins, ContentKind kind, List<(PluginReport, ContentProblem)> conflicts)
    {
        var merged = new List<AnyEntry>();
        var owners = new Dictionary<(string Id, string Locale), string>();
        foreach (var plugin in plugins.Where(p => p.Report.Status != PluginStatus.Faulted))
        {
            foreach (var item in kind.ItemsIn(plugin.Content))
            {
                if (owners.TryGetValue((item.Id, item.Locale), out var owner))
                {
                    conflicts.Add((plugin.Report, new ContentProblem(
                        item.Origin ?? item.Id,
                        $"{kind.Name} '{item.Id}' ({item.Locale}) is already supplied by plugin '{owner}'; to replace it for a force, give it a new id with overrides: {item.Id}")));
                    continue;
                }

                owners[(item.Id, item.Locale)] = plugin.Report.Id;
                merged.Add(new AnyEntry(kind, item, plugin.Report));
            }
        }

        return merged;
    }
}

/// <summary>
/// Holds the current snapshot, swapped atomically when content is loaded or reloaded, and what this instance
/// remembers of earlier snapshots for the changes feed.
/// </summary>
internal sealed class ContentStore
{
    private readonly Lock _replacing = new();
    private volatile ContentState _state = new(ContentSnapshot.Empty, ChangeHistory.Empty);

    public ContentSnapshot Current => _state.Snapshot;

    /// <summary>The snapshot and the change history that goes with it, read together.</summary>
    public ContentState State => _state;

    public void Replace(ContentSnapshot snapshot)
    {
        lock (_replacing)
        {
            var previous = _state;
            _state = new ContentState(snapshot, previous.History.After(previous.Snapshot, snapshot));
        }
    }
}

/// <summary>A snapshot and this instance's change history up to it.</summary>
internal sealed record ContentState(ContentSnapshot Snapshot, ChangeHistory History);
