using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Host.Plugins;

namespace ContentApi.Host.Content;

/// <summary>An item together with the plugin that supplied it.</summary>
internal sealed record Entry<T>(T Item, PluginReport Plugin)
    where T : ContentItem;

/// <summary>An item of any kind, with its kind and the plugin that supplied it.</summary>
internal sealed record AnyEntry(string Kind, ContentItem Item, PluginReport Plugin);

/// <summary>The kind names used in content files, which the API also uses when it lists items of several kinds.</summary>
internal static class ItemKinds
{
    public const string Guidance = "guidance";
    public const string Contact = "contact";
    public const string AgeBand = "age-band";
    public const string Advice = "advice";
    public const string Topic = "topic";
    public const string Force = "force";
    public const string SignpostingRule = "signposting-rule";
    public const string SignpostingTier = "signposting-tier";

    /// <summary>The kinds partners fetch and sync; the rest serve the API itself.</summary>
    public static IReadOnlyList<string> Published { get; } = [Guidance, Contact, AgeBand, Advice, Topic];
}

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
        SignpostingRules = Merge(plugins, c => c.SignpostingRules, "signposting-rule", conflicts);
        SignpostingTiers = Merge(plugins, c => c.SignpostingTiers, "signposting-tier", conflicts);
        _crossPluginProblems = FindCrossPluginProblems(plugins, conflicts);
        Locales = All.Select(e => e.Item.Locale).Append(ContentItem.DefaultLocale).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        IsLoaded = loadedAt != DateTimeOffset.MinValue;
    }

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
    public IEnumerable<AnyEntry> All =>
        Guidance.Select(e => new AnyEntry(ItemKinds.Guidance, e.Item, e.Plugin))
            .Concat(Contacts.Select(e => new AnyEntry(ItemKinds.Contact, e.Item, e.Plugin)))
            .Concat(AgeBands.Select(e => new AnyEntry(ItemKinds.AgeBand, e.Item, e.Plugin)))
            .Concat(Advice.Select(e => new AnyEntry(ItemKinds.Advice, e.Item, e.Plugin)))
            .Concat(Topics.Select(e => new AnyEntry(ItemKinds.Topic, e.Item, e.Plugin)))
            .Concat(Forces.Select(e => new AnyEntry(ItemKinds.Force, e.Item, e.Plugin)))
            .Concat(SignpostingRules.Select(e => new AnyEntry(ItemKinds.SignpostingRule, e.Item, e.Plugin)))
            .Concat(SignpostingTiers.Select(e => new AnyEntry(ItemKinds.SignpostingTier, e.Item, e.Plugin)));

    private static Dictionary<PluginReport, List<PluginProblem>> FindCrossPluginProblems(
        IReadOnlyList<LoadedPlugin> plugins, List<(PluginReport Plugin, ContentProblem Problem)> conflicts)
    {
        var serving = plugins.Where(p => p.Report.Status != PluginStatus.Faulted).ToList();
        var index = ContentIndex.Of(serving.Select(p => p.Content));
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
