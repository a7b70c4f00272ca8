namespace ContentApi.Host.Features.Shared;

/// <summary>
/// Limits on query parameters, declared as validation attributes on the query records and parameters: the framework's
/// validation enforces them (see <see cref="DeclaredRules"/>) and the OpenAPI documents publish them.
/// </summary>
internal static class QueryLimits
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    /// <summary>The oldest age a request may give; every age over <see cref="AgeRange.MaximumAge"/> means an adult.</summary>
    public const int MaxAge = 120;
    public const int MaxTextLength = 200;
}

/// <summary>
/// What a client is told when a declared rule is broken, keyed by the parameter's query name. {1} and {2} are the
/// attribute's bounds (the minimum and maximum of a range, the most characters of a length).
/// </summary>
internal static class RuleMessages
{
    public const string Age = "must be a whole number of years between {1} and {2} (any age over 25 means an adult).";
    public const string Page = "must be 1 or more.";
    public const string Between = "must be between {1} and {2}.";
    public const string MaxLength = "must be at most {1} characters.";
    public const string AgeRequired = "is required: the age, in whole years, of the person the help is about.";
    public const string SinceRequired = "is required: an ISO 8601 timestamp such as 2027-01-01T00:00:00Z, or the nextCursor of an earlier page.";
    public const string AudienceRequired = "is required: who is asking. One of: parents-carers, young-people, professionals.";
}

/// <summary>
/// A query word that must name a value of <typeparamref name="TEnum"/> in the API's kebab-case (parents-carers): a
/// declared rule like [Range], which the framework's validation enforces (see <see cref="DeclaredRules"/>).
/// </summary>
/// <typeparam name="TEnum">The enum whose words are allowed.</typeparam>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class OneOfAttribute<TEnum> : ValidationAttribute
    where TEnum : struct, Enum
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string word || EnumText.TryParse<TEnum>(word, out _)
            ? ValidationResult.Success
            : new ValidationResult($"'{QueryValidator.Shorten(word)}' is not one of: {string.Join(", ", EnumText.Names<TEnum>())}.");
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
    public const string Page = "Page number, from 1.";
    public const string PageSize = "Items per page, 1-100 (default 20).";
    public const string Q = "Text to search for in titles, summaries and bodies; results are ranked, best first, with the fields that matched.";
}
