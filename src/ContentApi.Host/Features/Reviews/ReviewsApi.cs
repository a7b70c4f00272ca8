namespace ContentApi.Host.Features.Reviews;

/// <summary>An item in the review list.</summary>
/// <param name="Kind">guidance, contact, age-band, advice, topic, force, signposting-rule or signposting-tier.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Locale">The item's language.</param>
/// <param name="Title">What the item is called.</param>
/// <param name="Plugin">The plugin that supplies it.</param>
/// <param name="ForceId">The force it belongs to, for a force's item.</param>
/// <param name="Owner">Who reviews it (the plugin's publisher when the item names nobody).</param>
/// <param name="LastReviewed">When it was last reviewed.</param>
/// <param name="NextReviewDue">When it is due.</param>
/// <param name="ReviewStatus">due-soon, overdue (still served, marked) or withheld (not served).</param>
/// <param name="WithheldFrom">The first day it is (or will be) withheld if nobody reviews it; absent when the policy never withholds.</param>
public sealed record ReviewItemResource(
    string Kind, string Id, string Locale, string Title, string Plugin, string? ForceId, string Owner,
    DateOnly LastReviewed, DateOnly NextReviewDue, ReviewStatus ReviewStatus, DateOnly? WithheldFrom);

/// <summary>The review policy in force.</summary>
/// <param name="DueSoonDays">Items due within this many days are listed as due soon.</param>
/// <param name="GracePeriodDays">Overdue items are still served, marked overdue, for this many days.</param>
/// <param name="WithholdAfterGracePeriod">Whether items overdue for longer are withheld.</param>
public sealed record ReviewPolicyResource(int DueSoonDays, int GracePeriodDays, bool WithholdAfterGracePeriod);

/// <summary>How many items are in each state, over the whole list before filtering by status.</summary>
/// <param name="DueSoon">Due soon.</param>
/// <param name="Overdue">Overdue but served.</param>
/// <param name="Withheld">Withheld.</param>
public sealed record ReviewCounts(int DueSoon, int Overdue, int Withheld);

/// <summary>What needs reviewing.</summary>
/// <param name="AsOf">The day (UTC) the statuses are for.</param>
/// <param name="Policy">The policy applied.</param>
/// <param name="Counts">Totals by status.</param>
/// <param name="Items">The items, soonest due first.</param>
/// <param name="Translations">For each language other than en-GB and each kind, how much is translated, checked and stale.</param>
/// <param name="StaleTranslations">Translations whose English changed since they were made: served in English until updated.</param>
public sealed record ReviewsResponse(
    DateOnly AsOf, ReviewPolicyResource Policy, ReviewCounts Counts, IReadOnlyList<ReviewItemResource> Items,
    IReadOnlyList<TranslationCoverageResource> Translations, IReadOnlyList<StaleTranslationResource> StaleTranslations);

/// <summary>
/// The review list: every item that is due soon, overdue or withheld, so owners can see what to review and partners
/// can see why something stopped appearing. Withdrawn items are not listed: they are finished.
/// </summary>
internal static class ReviewsApi
{
    private const string ListDescription =
        "Items whose review is due soon, overdue (still served, with reviewStatus: overdue) or withheld (overdue for " +
        "longer than the grace period, so not served). Filter by plugin, force and status. Also how much of each kind is " +
        "translated into each language, how much of that a fluent speaker has checked, and which translations are stale " +
        "(their English changed since, so the English is served until they are updated).";

    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/reviews").WithTags("Reviews").MapGetOperation("/", new(List, "ListReviews", "What is due for review, overdue or withheld", ListDescription));
        return api;
    }

    private static Results<Ok<ReviewsResponse>, ValidationProblem> List(
        [Description("Only items from this plugin (an id from /plugins).")] string? plugin,
        [Description("Only this force's own items (a data.police.uk force id).")] string? force,
        [Description("Only items in this state: due-soon, overdue or withheld. Without it, all three."), OneOf<ReviewStatus>] string? status,
        ContentRequests requests,
        HttpRequest request)
    {
        var validator = requests.Begin(request);
        var pluginId = validator.PluginId(plugin);
        var filter = validator.Filter(null, null, null, null, force, null);
        var wanted = QueryValidator.Word<ReviewStatus>(status);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var reviews = validator.Reviews;
        var chosen = validator.Snapshot.All
            .Where(e => pluginId is null || e.Plugin.Id == pluginId)
            .Where(e => filter.Force is null || string.Equals(e.Item.ForceId, filter.Force, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var listed = chosen
            .Where(e => e.Item.Status == Abstractions.ContentStatus.Published)
            .Select(e => (Entry: e, Status: reviews.StatusOf(e.Item)))
            .Where(e => e.Status != ReviewStatus.Current)
            .ToList();
        var counts = new ReviewCounts(
            listed.Count(e => e.Status == ReviewStatus.DueSoon),
            listed.Count(e => e.Status == ReviewStatus.Overdue),
            listed.Count(e => e.Status == ReviewStatus.Withheld));
        var items = listed
            .Where(e => wanted is null || e.Status == wanted)
            .OrderBy(e => e.Entry.Item.Review.NextReviewDue)
            .ThenBy(e => e.Entry.Kind.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Item.Id, StringComparer.Ordinal)
            .Select(e => new ReviewItemResource(
                e.Entry.Kind.Name,
                e.Entry.Item.Id,
                e.Entry.Item.Locale,
                e.Entry.Kind.TitleOf(e.Entry.Item),
                e.Entry.Plugin.Id,
                e.Entry.Item.ForceId,
                e.Entry.Item.Review.Owner ?? PluginIdentity.Of(e.Entry.Plugin).Publisher,
                e.Entry.Item.Review.LastReviewed,
                e.Entry.Item.Review.NextReviewDue,
                e.Status,
                reviews.WithheldFromOrNull(e.Entry.Item)))
            .ToList();

        var options = reviews.Options;
        return TypedResults.Ok(new ReviewsResponse(
            reviews.Today, new ReviewPolicyResource(options.DueSoonDays, options.GracePeriodDays, options.WithholdAfterGracePeriod), counts, items,
            TranslationCoverage.Of(chosen, validator.Snapshot.Locales), TranslationCoverage.Stale(chosen)));
    }
}
