namespace ContentApi.Host.Features.Plugins;

/// <summary>How many items of each kind a plugin supplies (an item and its translations count once).</summary>
public sealed record ItemCounts(int Guidance, int Contacts, int AgeBands, int Advice, int Topics, int Forces);

/// <summary>A problem found in a plugin or its content.</summary>
/// <param name="Location">File and line (and the item's kind and id), or the manifest, assembly or load step.</param>
/// <param name="Message">The field and what is wrong with it.</param>
/// <param name="Severity">Error: something was refused (an item, a reload, the plugin). Warning: served, but needs attention.</param>
public sealed record ProblemResource(string Location, string Message, ProblemSeverity Severity);

/// <summary>A loaded (or refused) plugin.</summary>
public sealed record PluginResource
{
    /// <summary>Plugin id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>The plugin's version.</summary>
    public string? Version { get; init; }

    /// <summary>Who publishes it.</summary>
    public string? Publisher { get; init; }

    /// <summary>The force it belongs to, if any.</summary>
    public string? ForceId { get; init; }

    /// <summary>What it provides.</summary>
    public string? Description { get; init; }

    /// <summary>The contract range it declares.</summary>
    public string? ContractVersion { get; init; }

    /// <summary>An assembly or a no-code content pack.</summary>
    public required PluginKind Kind { get; init; }

    /// <summary>Healthy, degraded (some items rejected) or faulted (nothing served).</summary>
    public required PluginStatus Status { get; init; }

    /// <summary>How long loading took.</summary>
    public required double LoadMilliseconds { get; init; }

    /// <summary>
    /// When the content being served was loaded. Earlier than the list's <c>loadedAt</c> when a reload was refused and
    /// the last good content kept; absent when nothing is served.
    /// </summary>
    public DateTimeOffset? ContentLoadedAt { get; init; }

    /// <summary>How many items of each kind are served from it.</summary>
    public required ItemCounts Items { get; init; }

    /// <summary>What is wrong, if anything.</summary>
    public required IReadOnlyList<ProblemResource> Problems { get; init; }
}

/// <summary>The plugins list with the host's contract version.</summary>
/// <param name="ContractVersion">The contract version this host implements.</param>
/// <param name="LoadedAt">When content was last loaded.</param>
/// <param name="Plugins">Every plugin folder found.</param>
public sealed record PluginsResponse(string ContractVersion, DateTimeOffset LoadedAt, IReadOnlyList<PluginResource> Plugins);

internal static class PluginsApi
{
    public static RouteGroupBuilder MapPluginsApi(this RouteGroupBuilder api)
    {
        const string description = "Every plugin folder the host found: what it is, whether it loaded, how many items it supplies, and any problems.";
        api.MapGroup("/plugins").WithTags("Plugins").MapGetOperation("/", new(List, "ListPlugins", "List plugins", description)).DescribesThisInstance();
        return api;
    }

    private static Ok<PluginsResponse> List(ContentStore store) => TypedResults.Ok(ToResponse(store.Current));

    /// <summary>The plugins list for a snapshot; the admin reload answers with it too.</summary>
    internal static PluginsResponse ToResponse(ContentSnapshot snapshot) =>
        new(ContractVersion.Text, snapshot.LoadedAt, snapshot.Plugins.Select(p => ToResource(p, snapshot)).ToList());

    private static PluginResource ToResource(LoadedPlugin plugin, ContentSnapshot snapshot)
    {
        var report = plugin.Report;
        // Translations of an item are the same item: count ids, not locales.
        int Count<T>(IReadOnlyList<Entry<T>> entries)
            where T : ContentItem => entries.Where(e => ReferenceEquals(e.Plugin, report)).Select(e => e.Item.Id).Distinct().Count();
        var problems = snapshot.ProblemsOf(report).Select(p => new ProblemResource(p.Location, p.Message, p.Severity)).ToList();
        return new PluginResource
        {
            Id = report.Id,
            Name = report.Manifest?.Name,
            Version = report.Manifest?.Version,
            Publisher = report.Manifest?.Publisher,
            ForceId = report.Manifest?.ForceId,
            Description = report.Manifest?.Description,
            ContractVersion = report.Manifest?.ContractVersion,
            Kind = report.Kind,
            Status = snapshot.StatusOf(report),
            LoadMilliseconds = Math.Round(report.LoadDuration.TotalMilliseconds, 1),
            ContentLoadedAt = report.ContentLoadedAt,
            Items = new ItemCounts(
                Count(snapshot.Guidance), Count(snapshot.Contacts), Count(snapshot.AgeBands), Count(snapshot.Advice), Count(snapshot.Topics), Count(snapshot.Forces)),
            Problems = problems,
        };
    }
}
