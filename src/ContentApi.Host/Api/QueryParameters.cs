using System.ComponentModel.DataAnnotations;
using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Host.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Host.Api;

/// <summary>Limits on query parameters, shared by validation and the OpenAPI documents.</summary>
internal static class QueryLimits
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxAge = ContentValidator.MaximumAge;
    public const int MaxTextLength = 200;
}

/// <summary>Filters for guidance lists.</summary>
public sealed record GuidanceQuery
{
    /// <summary>Only items on this topic (a topic id from /topics).</summary>
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    /// <summary>Only items for this audience: parents-carers, young-people or professionals.</summary>
    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    /// <summary>Only items suitable for a child of this age, in whole years (0-25).</summary>
    [Range(0, QueryLimits.MaxAge)]
    [FromQuery(Name = "age")]
    public int? Age { get; init; }

    /// <summary>Only items for this age band (an id from /age-bands, such as 8-10).</summary>
    [FromQuery(Name = "ageBand")]
    public string? AgeBand { get; init; }

    /// <summary>A data.police.uk force id such as gloucestershire: adds that force's local items and applies its overrides.</summary>
    [FromQuery(Name = "force")]
    public string? Force { get; init; }

    /// <summary>Preferred language as a BCP 47 tag (en-GB, cy-GB); items not translated fall back to en-GB.</summary>
    [FromQuery(Name = "locale")]
    public string? Locale { get; init; }

    /// <summary>Text to search for in titles, summaries and bodies (at most 200 characters).</summary>
    [MaxLength(QueryLimits.MaxTextLength)]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Page number, from 1.</summary>
    [Range(1, int.MaxValue)]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Items per page, 1-100 (default 20).</summary>
    [Range(1, QueryLimits.MaxPageSize)]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }
}

/// <summary>Filters for contact lists.</summary>
public sealed record ContactsQuery
{
    /// <summary>Only contacts for this audience: parents-carers, young-people or professionals.</summary>
    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    /// <summary>Only contacts that serve a person of this age (0-25). Adults-only services are never returned for under-18s.</summary>
    [Range(0, QueryLimits.MaxAge)]
    [FromQuery(Name = "age")]
    public int? Age { get; init; }

    /// <summary>Only contacts on this topic (a topic id from /topics).</summary>
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    /// <summary>A data.police.uk force id: adds that force's local contacts and applies its overrides (such as its own 101).</summary>
    [FromQuery(Name = "force")]
    public string? Force { get; init; }

    /// <summary>Only contacts reachable this way: phone, textphone, sms, web, chat, email or app.</summary>
    [FromQuery(Name = "channel")]
    public string? Channel { get; init; }

    /// <summary>Preferred language as a BCP 47 tag (en-GB, cy-GB).</summary>
    [FromQuery(Name = "locale")]
    public string? Locale { get; init; }

    /// <summary>Page number, from 1.</summary>
    [Range(1, int.MaxValue)]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Items per page, 1-100 (default 20).</summary>
    [Range(1, QueryLimits.MaxPageSize)]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }
}

/// <summary>
/// Checks query parameters against the current content and collects every problem, so one 400 response names each
/// bad parameter and says why.
/// </summary>
internal sealed class QueryValidator(ContentSnapshot snapshot)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors,
        title: "One or more query parameters are not valid.",
        detail: string.Join(" ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    public ContentFilter Filter(string? topic, string? audience, int? age, string? ageBand, string? force, string? locale, string? text = null) => new()
    {
        Topic = Topic(topic),
        Audience = Enum<Audience>("audience", audience),
        Age = Age(age),
        AgeBandRange = AgeBand(ageBand),
        Force = Force(force),
        Locale = Locale(locale),
        Text = Text(text),
    };

    public (int Page, int PageSize) Paging(int? page, int? pageSize)
    {
        if (page is < 1)
        {
            Add("page", $"must be 1 or more; got {page}.");
        }

        if (pageSize is < 1 or > QueryLimits.MaxPageSize)
        {
            Add("pageSize", $"must be between 1 and {QueryLimits.MaxPageSize}; got {pageSize}.");
        }

        return (page ?? 1, pageSize ?? QueryLimits.DefaultPageSize);
    }

    public TEnum? Enum<TEnum>(string name, string? value)
        where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (EnumText.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(name, $"'{Shorten(value)}' is not one of: {string.Join(", ", EnumText.Names<TEnum>())}.");
        return null;
    }

    public string Locale(string? value)
    {
        if (value is null)
        {
            return ContentItem.DefaultLocale;
        }

        if (ContentValidator.IsValidLocale(value))
        {
            return value;
        }

        Add("locale", $"'{Shorten(value)}' is not a BCP 47 language tag such as en-GB or cy-GB.");
        return ContentItem.DefaultLocale;
    }

    private int? Age(int? age)
    {
        if (age is < 0 or > QueryLimits.MaxAge)
        {
            Add("age", $"must be a whole number of years between 0 and {QueryLimits.MaxAge}; got {age}.");
            return null;
        }

        return age;
    }

    private string? Topic(string? topic)
    {
        if (topic is null || snapshot.Topics.Any(t => t.Item.Id == topic))
        {
            return topic;
        }

        Add("topic", $"'{Shorten(topic)}' is not a known topic. Known topics: {string.Join(", ", snapshot.Topics.Select(t => t.Item.Id).Distinct())}.");
        return null;
    }

    private AgeRange? AgeBand(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var band = snapshot.AgeBands.FirstOrDefault(b => b.Item.Id == id);
        if (band?.Item.AgeRange is { } range)
        {
            return range;
        }

        Add("ageBand", $"'{Shorten(id)}' is not a known age band. Known age bands: {string.Join(", ", snapshot.AgeBands.Select(b => b.Item.Id).Distinct())}.");
        return null;
    }

    private string? Force(string? force)
    {
        if (force is null || ContentValidator.IsValidId(force))
        {
            return force;
        }

        Add("force", $"'{Shorten(force)}' is not a force id; use a data.police.uk id such as gloucestershire.");
        return null;
    }

    private string? Text(string? text)
    {
        if (text is { Length: > QueryLimits.MaxTextLength })
        {
            Add("q", $"must be at most {QueryLimits.MaxTextLength} characters; got {text.Length}.");
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private void Add(string name, string message) => _errors[name] = [message];

    // Echoing input back is useful, but never a whole hostile query string.
    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}

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
        detail: $"There is no {kind.ToLowerInvariant()} with id '{(id.Length <= 100 ? id : id[..100])}'.");
}

/// <summary>Descriptions of query parameters that appear on several endpoints, written once.</summary>
internal static class ParameterDocs
{
    public const string Locale = "Preferred language as a BCP 47 tag (en-GB, cy-GB); items not translated fall back to en-GB.";
    public const string Force = "A data.police.uk force id such as gloucestershire: adds that force's local items and applies its overrides.";
    public const string Topic = "Only items on this topic (a topic id from /topics).";
    public const string Audience = "Only items for this audience: parents-carers, young-people or professionals.";
    public const string Id = "The item's stable id.";
}
