using Asp.Versioning;

namespace ContentApi.Host.Features.Changes;

/// <summary>One change in the feed.</summary>
/// <param name="Kind">guidance, contact, age-band, advice or topic.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Locale">The item's language; each translation changes on its own.</param>
/// <param name="Change">created, updated, withdrawn (a tombstone: take it down) or withheld (take it down until reviewed).</param>
/// <param name="ChangedAt">When the change happened, by the item's own data (see the partner guide).</param>
/// <param name="ContentHash">The item's content hash after the change (for a removed item, its last one).</param>
/// <param name="Plugin">The plugin that supplies (or supplied) it.</param>
/// <param name="ForceId">The force it belongs to, for a force's item.</param>
/// <param name="Href">Where to fetch it now, in this API version; absent when there is nothing to fetch.</param>
/// <param name="Notice">Why it was withdrawn or withheld.</param>
public sealed record ChangeResource(
    string Kind, string Id, string Locale, ChangeType Change, DateTimeOffset ChangedAt, string ContentHash, string Plugin, string? ForceId, string? Href, string? Notice);

/// <summary>A page of the changes feed.</summary>
/// <param name="Items">Changes, oldest first.</param>
/// <param name="NextCursor">Pass as since to get what comes after this page (and, later, what changed since).</param>
/// <param name="HasMore">True when another page is already waiting.</param>
public sealed record ChangesResponse(IReadOnlyList<ChangeResource> Items, string NextCursor, bool HasMore);

/// <summary>
/// The changes feed, so partner sites can sync: everything created, updated, withdrawn or withheld since a moment or a
/// cursor, oldest first. Each item appears once, in its latest state.
/// </summary>
internal static class ChangesApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    private const string ListDescription =
        "Items created, updated, withdrawn (tombstones) or withheld since the given ISO 8601 timestamp or the nextCursor " +
        "of an earlier page, oldest first. National items always; with force, that force's items too. Keep the " +
        "nextCursor and poll with it.";

    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/changes").WithTags("Changes")
            .MapGetOperation("/", new(List, "ListChanges", "What changed since a moment or a cursor", ListDescription))
            .DescribesThisInstance(); // the change history is this instance's own
        return api;
    }

    private static Results<Ok<ChangesResponse>, ValidationProblem> List(
        [Description("Required. An ISO 8601 timestamp (2027-01-01T00:00:00Z) or the nextCursor of an earlier page."), Required(ErrorMessage = RuleMessages.SinceRequired), MaxLength(FeedPosition.MaxCursorLength, ErrorMessage = RuleMessages.MaxLength)] string? since,
        [Description(ParameterDocs.Force)] string? force,
        [Description("Changes per page, 1-500 (default 100)."), Range(1, MaxLimit, ErrorMessage = RuleMessages.Between)] int? limit,
        ContentRequests requests,
        HttpRequest request)
    {
        var validator = requests.Begin(request);
        var position = validator.Since(since);
        var filter = validator.Filter(null, null, null, null, force, null);
        var pageSize = limit ?? DefaultLimit;
        if (!validator.IsValid || position is not { } from)
        {
            return validator.Problem();
        }

        var (changes, hasMore) = ChangeFeed.Since(validator.Snapshot, validator.State.History, validator.Reviews, from, filter.Force, pageSize);
        var version = request.HttpContext.RequestedApiVersion ?? ApiVersions.V2;
        var items = changes.Select(c => ToResource(c, version)).ToList();
        var next = changes.Count == 0 ? from : new FeedPosition(changes[^1].At, changes[^1].Key);
        return TypedResults.Ok(new ChangesResponse(items, next.ToCursor(), hasMore));
    }

    /// <summary>A change as the feed (and a webhook event) carries it, its href in <paramref name="version"/>.</summary>
    internal static ChangeResource ToResource(ChangeEvent c, ApiVersion version) => new(
        c.Key.Kind, c.Key.Id, c.Key.Locale, c.Type, c.At, c.ContentHash, c.Plugin, c.ForceId, Href(c, version), c.Notice);

    // Withdrawn items link too: fetching one answers 410 with its notice.
    private static string? Href(ChangeEvent change, ApiVersion version)
    {
        var root = $"/api/{ApiVersions.DocumentName(version)}";
        var query = $"?locale={Uri.EscapeDataString(change.Key.Locale)}{(change.ForceId is { } f ? $"&force={Uri.EscapeDataString(f)}" : string.Empty)}";
        return change.Path is null ? null : $"{root}/{change.Path}{query}";
    }
}
