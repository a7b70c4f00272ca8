namespace ContentApi.Host.Features.Shared;

/// <summary>Builds pages and problem responses the same way for every resource.</summary>
internal static class ApiResults
{
    public static PagedResult<TResource> ToPage<TItem, TResource>(this IReadOnlyList<TItem> items, int page, int pageSize, Func<TItem, TResource> map)
    {
        var totalPages = (int)Math.Ceiling(items.Count / (double)pageSize);
        var slice = items.Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize).Select(map).ToList();
        return new PagedResult<TResource>(slice, page, pageSize, items.Count, totalPages);
    }

    public static ProblemHttpResult NotFound(string kind, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"{kind} not found",
        detail: $"There is no {kind.ToLowerInvariant()} with id '{Shorten(id)}'.");

    /// <summary>
    /// One item by id: served, or the reason it is not. A withdrawn item, or one removed from its plugin since this
    /// instance loaded it, is 410 Gone with the notice; an item withheld pending review is 404 saying so.
    /// </summary>
    public static Results<Ok<TResource>, ProblemHttpResult, ValidationProblem> Item<T, TResource>(
        QueryValidator query, Entry<T>? entry, string kind, string itemKind, string id, Func<Entry<T>, TResource> map)
        where T : ContentItem
    {
        if (entry is null)
        {
            var removed = query.State.History.Removed.Values.FirstOrDefault(r => r.Key.Kind == itemKind && r.Key.Id == id);
            return removed is null
                ? NotFound(kind, id)
                : Gone(kind, id, $"It was removed from plugin '{removed.Plugin}' on {removed.RemovedAt:yyyy-MM-dd}.", removed.RemovedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null);
        }

        var item = entry.Item;
        if (item is { Status: ContentStatus.Withdrawn, Withdrawal: { } withdrawal })
        {
            return Gone(kind, id, withdrawal.Reason, withdrawal.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), withdrawal.ReplacedBy);
        }

        if (!query.Reviews.IsServed(item))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"{kind} withheld pending review",
                detail: $"The {kind.ToLowerInvariant()} '{Shorten(id)}' was due for review on {item.Review.NextReviewDue:yyyy-MM-dd} and is not served until it is reviewed.",
                extensions: new Dictionary<string, object?> { ["reviewStatus"] = "withheld", ["nextReviewDue"] = item.Review.NextReviewDue });
        }

        query.AnnounceLanguages([item.Locale]);
        return TypedResults.Ok(map(entry));
    }

    private static ProblemHttpResult Gone(string kind, string id, string notice, string withdrawnOn, string? replacedBy) => TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: $"{kind} withdrawn",
        detail: $"The {kind.ToLowerInvariant()} '{Shorten(id)}' has been withdrawn. {notice}",
        extensions: new Dictionary<string, object?> { ["notice"] = notice, ["withdrawnOn"] = withdrawnOn, ["replacedBy"] = replacedBy });

    private static string Shorten(string id) => id.Length <= 100 ? id : id[..100];
}
