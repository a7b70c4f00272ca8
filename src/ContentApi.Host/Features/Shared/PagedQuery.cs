using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Host.Features.Shared;

/// <summary>
/// The paging of a paged list's query (guidance, contacts): the page and its size, with the same words and limits on
/// every paged list. A query record derives from it, so its own filters bind first and these two come last.
/// </summary>
public abstract record PagedQuery
{
    [Description(ParameterDocs.Page)]
    [Range(1, int.MaxValue, ErrorMessage = RuleMessages.Page)]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Description(ParameterDocs.PageSize)]
    [Range(1, QueryLimits.MaxPageSize, ErrorMessage = RuleMessages.Between)]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }
}
