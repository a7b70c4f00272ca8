using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Features.Shared;

/// <summary>A page of results with totals.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most items a page holds.</param>
/// <param name="TotalItems">How many items match in all.</param>
/// <param name="TotalPages">How many pages there are.</param>
[OpenApi.SchemaName("{0}Page")]
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);

/// <summary>Where an item came from: the plugin that supplied it and the public source of its facts.</summary>
/// <param name="Plugin">The id of the plugin that supplied the item.</param>
/// <param name="Publisher">Who publishes the plugin.</param>
/// <param name="SourcePublisher">Who published the source the facts come from.</param>
/// <param name="SourceUrl">The public source.</param>
public sealed record Provenance(string Plugin, string Publisher, string SourcePublisher, Uri SourceUrl);

/// <summary>Fields every content item carries.</summary>
public abstract record ItemResource
{
    [SetsRequiredMembers]
    private protected ItemResource(ContentItem item, PluginIdentity plugin, ResourceContext context)
    {
        Id = item.Id;
        Locale = item.Locale;
        RequestedLocale = context.RequestedLocale;
        Fallback = !string.Equals(item.Locale, context.RequestedLocale, StringComparison.OrdinalIgnoreCase);
        TranslationStatus = item.TranslationStatus;
        Translation = item.Translation;
        Audiences = item.Audiences;
        AgeRange = item.AgeRange;
        Topics = item.Topics;
        ForceId = item.ForceId;
        Overrides = item.Overrides;
        DisplayVerbatim = item.DisplayVerbatim;
        Provenance = new Provenance(plugin.Id, plugin.Publisher, item.Source.Publisher, item.Source.Url);
        Review = item.Review with { Owner = item.Review.Owner ?? plugin.Publisher };
        ReviewStatus = context.Reviews.StatusOf(item);
        Updated = item.Updated;
        FirstPublished = item.FirstPublished;
        ContentHash = Content.ContentHash.Of(item);
        Licence = item.Licence;
        Attribution = item.Attribution ?? $"Contains information from {item.Source.Publisher}, published by {plugin.Publisher} under the {item.Licence.Name}.";
    }

    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The language of this item (BCP 47).</summary>
    public required string Locale { get; init; }

    /// <summary>The language the request asked for (from locale or Accept-Language).</summary>
    public required string RequestedLocale { get; init; }

    /// <summary>True when the item is not in the requested language and is served in en-GB instead.</summary>
    public required bool Fallback { get; init; }

    /// <summary>For a translation, whether a fluent speaker has checked it (needs-review: not yet).</summary>
    public required TranslationStatus TranslationStatus { get; init; }

    /// <summary>
    /// For a translation, who translated it and when, and who checked the translation and when. These dates are the
    /// translation's own; review and reviewStatus are about the facts, which every language shares.
    /// </summary>
    public TranslationRecord? Translation { get; init; }

    /// <summary>Who the item is written for.</summary>
    public required IReadOnlyList<Audience> Audiences { get; init; }

    /// <summary>The ages the item applies to; absent when it suits every age.</summary>
    public AgeRange? AgeRange { get; init; }

    /// <summary>Topic ids.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>The force the item is local to; absent for national items.</summary>
    public string? ForceId { get; init; }

    /// <summary>For a force's item, the national item it replaces for that force.</summary>
    public string? Overrides { get; init; }

    /// <summary>True when partners must show the text without editing it.</summary>
    public bool DisplayVerbatim { get; init; }

    /// <summary>Where the item came from.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>When the item was last reviewed, when it is next due and who owns it (the plugin's publisher when the item names nobody).</summary>
    public required ReviewInfo Review { get; init; }

    /// <summary>Where the item is in its review cycle: current, due-soon or overdue (still served, check it).</summary>
    public required ReviewStatus ReviewStatus { get; init; }

    /// <summary>When the item's content last changed, when its author said so.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the item was first published, when known.</summary>
    public DateOnly? FirstPublished { get; init; }

    /// <summary>A fingerprint of the item's content (sha256): unchanged hash, unchanged content.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The licence partners may reuse the item under.</summary>
    public required ContentLicence Licence { get; init; }

    /// <summary>The attribution to show with the item when you reuse it.</summary>
    public required string Attribution { get; init; }

    /// <summary>How the item matched the search text q; present only when searching.</summary>
    public SearchMatch? Search { get; init; }
}

/// <summary>What every resource needs to know about the request it answers.</summary>
/// <param name="RequestedLocale">The locale the request asked for.</param>
/// <param name="Reviews">The review policy today.</param>
internal sealed record ResourceContext(string RequestedLocale, ReviewClock Reviews);

/// <summary>The plugin fields an item's provenance needs.</summary>
internal readonly record struct PluginIdentity(string Id, string Publisher)
{
    public static PluginIdentity Of(PluginReport report) => new(report.Id, report.Manifest?.Publisher ?? report.Id);
}
