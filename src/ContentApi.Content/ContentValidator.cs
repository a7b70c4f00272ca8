using System.Text.RegularExpressions;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The rules every item from every plugin must pass before the host serves it. The same rules run in the host and in
/// plugin authors' own tests, so a plugin that passes its tests passes the host.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>The youngest age an age range may start at.</summary>
    public const int MinimumAge = 0;

    /// <summary>The oldest age an age range may end at: <see cref="AgeRange.Adult"/> (written <c>adult</c>), every age over 25.</summary>
    public const int MaximumAge = AgeRange.Adult;

    /// <summary>Ids (items, topics, age bands, forces, plugins): lower-case kebab-case, at most <see cref="MaxIdLength"/> characters.</summary>
    public const string IdPatternText = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Locales: a BCP 47 language tag such as en-GB or cy-GB, at most <see cref="MaxLocaleLength"/> characters.</summary>
    public const string LocalePatternText = "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$";

    /// <summary>The longest locale tag.</summary>
    public const int MaxLocaleLength = 35;

    /// <summary>Checks every item; invalid items are left out of the result and reported.</summary>
    /// <param name="content">What a plugin supplied.</param>
    /// <param name="kinds">The kinds to check against; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The content with only valid items, and its problems (the plugin's own problems included).</returns>
    public static PluginContent Validate(PluginContent content, ContentKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        kinds ??= ContentKindRegistry.Default;
        var problems = new List<ContentProblem>(content.Problems);
        foreach (var stranger in content.OtherItems.Where(i => kinds.Of(i) is null))
        {
            problems.Add(new ContentProblem(stranger.Origin ?? stranger.Id, $"no content kind is declared for items of type {stranger.GetType().Name}"));
        }

        return kinds.All.Aggregate(content with { Problems = problems }, (kept, kind) => kind.WithItems(kept, Keep(kind, kind.ItemsIn(content), problems)));
    }

    /// <summary>
    /// A force's plugin speaks for that force: its items that name no force are given the plugin's force, so they
    /// are served only to requests for that force.
    /// </summary>
    /// <param name="content">Validated content.</param>
    /// <param name="forceId">The manifest's force id, or null for a national plugin.</param>
    /// <param name="kinds">The kinds; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The content with every item of a force-scoped kind scoped to the force.</returns>
    public static PluginContent AssignForce(PluginContent content, string? forceId, ContentKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return forceId is null
            ? content
            : (kinds ?? ContentKindRegistry.Default).All.Where(k => k.ForceScoped).Aggregate(content, (assigned, kind) =>
                kind.WithItems(assigned, kind.ItemsIn(assigned).Select(i => i with { ForceId = i.ForceId ?? forceId })));
    }

    /// <summary>
    /// Checks that what <paramref name="content"/> points at exists: every reference a kind declares (advice age
    /// bands, related contacts and guidance, rule contacts) and topics. Other plugins may supply the targets, so these
    /// are warnings about the whole set of loaded content (<paramref name="available"/>), not reasons to reject an item.
    /// An override of a missing item is an error instead (<see cref="PluginClashes"/>): it would stand beside the item.
    /// </summary>
    /// <param name="content">One plugin's validated content.</param>
    /// <param name="available">Every id that is being served, from every plugin.</param>
    /// <returns>One problem per dangling reference.</returns>
    public static IReadOnlyList<ContentProblem> CheckReferences(PluginContent content, ContentIndex available)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(available);
        var problems = new List<ContentProblem>();
        foreach (var (kind, item) in available.Kinds.ItemsIn(content))
        {
            var location = $"{item.Origin ?? kind.Name} ({kind.Name} '{item.Id}')";
            IEnumerable<ContentReference> references = [new("topics", BuiltInKinds.Topic.Name, item.Topics), .. kind.ReferencesOf(item)];
            foreach (var reference in references)
            {
                foreach (var id in reference.Ids.Where(id => !available.Contains(reference.TargetKind, id)))
                {
                    problems.Add(new ContentProblem(location, $"{reference.Field}: no {Words(reference.TargetKind)} '{id}' is loaded"));
                }
            }
        }

        return problems;
    }

    /// <summary>True when <paramref name="id"/> is lower-case kebab-case.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>True when <paramref name="locale"/> is a well-formed BCP 47 language tag such as <c>en-GB</c>.</summary>
    /// <param name="locale">The tag to check.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValidLocale(string? locale) => locale is { Length: > 0 and <= MaxLocaleLength } && LocalePattern().IsMatch(locale);

    private static List<ContentItem> Keep(ContentKind kind, IReadOnlyList<ContentItem> items, List<ContentProblem> problems)
    {
        var kept = new List<ContentItem>(items.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            var reasons = new List<string>();
            CheckCommon(item, reasons);
            kind.Check(item, reasons);
            if (item.Id is not null && !seen.Add((item.Id, item.Locale)))
            {
                reasons.Add($"id: '{item.Id}' is used by another {kind.Name} in locale {item.Locale}");
            }

            if (reasons.Count == 0)
            {
                kept.Add(item);
                continue;
            }

            var location = $"{item.Origin ?? kind.Name} ({kind.Name} '{item.Id}')";
            problems.AddRange(reasons.Select(reason => new ContentProblem(location, reason)));
        }

        return kept;
    }

    // "age-band" reads as "age band" in a sentence.
    private static string Words(string kindName) => kindName.Replace('-', ' ');

    private static void CheckCommon(ContentItem item, List<string> reasons)
    {
        if (!IsValidId(item.Id))
        {
            reasons.Add($"id: '{item.Id}' must be lower-case kebab-case (a-z, 0-9, -)");
        }

        if (!IsValidLocale(item.Locale))
        {
            reasons.Add($"locale: '{item.Locale}' is not a BCP 47 language tag such as en-GB or cy-GB");
        }

        if (item.AgeRange is { } range && (range.Min < MinimumAge || range.Max > MaximumAge || range.Min > range.Max))
        {
            reasons.Add($"ageRange: {range.Min}-{range.Max} must lie within {MinimumAge}-{AgeRange.MaximumAge} (or max: adult, every age over {AgeRange.MaximumAge}) with min <= max");
        }

        if (item.Source is null || string.IsNullOrWhiteSpace(item.Source.Publisher))
        {
            reasons.Add("source.publisher: is required");
        }
        else if (!ContentRules.IsHttps(item.Source.Url))
        {
            reasons.Add($"source.url: '{item.Source.Url}' must be an absolute https address");
        }

        if (item.Review is null)
        {
            reasons.Add("review: is required");
        }
        else if (item.Review.LastReviewed == default || item.Review.NextReviewDue == default)
        {
            reasons.Add("review: lastReviewed and nextReviewDue are required");
        }
        else if (item.Review.NextReviewDue < item.Review.LastReviewed)
        {
            reasons.Add("review.nextReviewDue: must not be before review.lastReviewed");
        }

        foreach (var topic in item.Topics.Where(t => !IsValidId(t)))
        {
            reasons.Add($"topics: '{topic}' is not a topic id");
        }

        if (item.ForceId is not null && !IsValidId(item.ForceId))
        {
            reasons.Add($"forceId: '{item.ForceId}' is not a data.police.uk force id");
        }

        if (item.Overrides is not null && item.ForceId is null)
        {
            reasons.Add("overrides: only a force's item (with forceId) may override a national item");
        }

        CheckPublication(item, reasons);
    }

    private static void CheckPublication(ContentItem item, List<string> reasons)
    {
        switch (item.Status, item.Withdrawal)
        {
            case (ContentStatus.Withdrawn, null):
                reasons.Add("withdrawal: a withdrawn item needs { on, reason } so partners can be told why");
                break;
            case (ContentStatus.Published, not null):
                reasons.Add("withdrawal: only an item with status: withdrawn has a withdrawal notice");
                break;
            case (_, { Reason: var reason }) when string.IsNullOrWhiteSpace(reason):
                reasons.Add("withdrawal.reason: is required");
                break;
            case (_, { ReplacedBy: { } replacement }) when !IsValidId(replacement):
                reasons.Add($"withdrawal.replacedBy: '{replacement}' is not an id");
                break;
        }

        if (item.Licence is null || string.IsNullOrWhiteSpace(item.Licence.Name) || !ContentRules.IsHttps(item.Licence.Url))
        {
            reasons.Add("licence: needs a name and an absolute https url");
        }

        if (item.Updated is { } updated && item.FirstPublished is { } published && DateOnly.FromDateTime(updated.UtcDateTime) < published)
        {
            reasons.Add("updated: must not be before firstPublished");
        }
    }

    [GeneratedRegex(IdPatternText)]
    private static partial Regex IdPattern();

    [GeneratedRegex(LocalePatternText)]
    private static partial Regex LocalePattern();

}
