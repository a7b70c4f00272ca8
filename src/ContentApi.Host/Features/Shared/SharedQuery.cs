namespace ContentApi.Host.Features.Shared;

/// <summary>Limits on query parameters, shared by validation and the OpenAPI documents.</summary>
internal static class QueryLimits
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    /// <summary>The oldest age a request may give; every age over <see cref="AgeRange.MaximumAge"/> means an adult.</summary>
    public const int MaxAge = 120;
    public const int MaxTextLength = 200;
}

/// <summary>Descriptions of query parameters that appear on several endpoints, written once.</summary>
internal static class ParameterDocs
{
    public const string Locale = "Preferred language as a BCP 47 tag (en-GB, cy-GB); without it, Accept-Language decides. Items not translated fall back to en-GB and say so (fallback: true).";
    public const string Force = "A data.police.uk force id such as gloucestershire: adds that force's local items and applies its overrides.";
    public const string Topic = "Only items on this topic (a topic id from /topics).";
    public const string Audience = "Only items for this audience: parents-carers, young-people or professionals.";
    public const string Id = "The item's stable id.";
    public const string Format = "How to return guidance bodies: markdown (default), html (sanitised) or text.";
    public const string Q = "Text to search for in titles, summaries and bodies; results are ranked, best first, with the fields that matched.";
}
