using ContentApi.Host.Features.Contacts;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Host.Features.Signposting;

/// <summary>A signposting question.</summary>
// Marked, because its endpoints are generic over the contact shape, and the validation generator only finds the
// parameter types of handlers it can read at compile time (ASP0029: the attribute is marked open to change, like the
// rest of the validation API DeclaredRules uses).
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.ValidatableType]
#pragma warning restore ASP0029
public sealed record SignpostingQuery
{
    [Description("Required. The age, in whole years, of the person the help is about: the young person asking, or the child a parent, carer or professional is asking about. 0-25; any age over 25 means an adult (answered as age 26).")]
    [Required(ErrorMessage = RuleMessages.AgeRequired)]
    [Range(0, QueryLimits.MaxAge, ErrorMessage = RuleMessages.Age)]
    [FromQuery(Name = "age")]
    public int? Age { get; init; }

    [Description("Required. Who is asking: young-people (a person asking for themselves; 18 or over means an adult asking for themselves), parents-carers or professionals (an adult asking about a child of the given age).")]
    [Required(ErrorMessage = RuleMessages.AudienceRequired)]
    [OneOf<Audience>]
    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    [Description("What the worry is about: a topic id from /topics, such as sextortion. Without it, every topic.")]
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    [Description("A data.police.uk force id such as gloucestershire: adds the force's local contacts and its own 101.")]
    [FromQuery(Name = "force")]
    public string? Force { get; init; }

    [Description(ParameterDocs.Locale)]
    [FromQuery(Name = "locale")]
    public string? Locale { get; init; }
}

/// <summary>One contact in a signposting answer, and why it is there.</summary>
/// <param name="Reason">Why the contact is listed, addressed to the person asking.</param>
/// <param name="ReasonLocale">The language of the reason.</param>
/// <param name="ReasonFallback">True when the reason is not in the requested language.</param>
/// <param name="UsedBy">asker: the person asking contacts the service; child: the child they ask about does.</param>
/// <param name="Rule">The id of the signposting rule that offered the contact.</param>
/// <param name="Contact">The contact, shaped as in this API version's contacts resource.</param>
public sealed record SignpostingEntryResource<TContact>(string Reason, string ReasonLocale, bool ReasonFallback, SignpostingUser UsedBy, string Rule, TContact Contact)
    where TContact : ContactResourceBase
{
    /// <summary>The reader age band the reason is written for: 4-7, 8-10, 11-13, 14-17 or adults.</summary>
    public required string ReasonAgeBand { get; init; }
}

/// <summary>One tier of a signposting answer.</summary>
/// <param name="Tier">emergency, report-and-remove, helplines or local.</param>
/// <param name="Order">1 for the tier shown first.</param>
/// <param name="Title">The tier's heading in the requested language, when the content has one.</param>
/// <param name="Description">A sentence under the heading.</param>
/// <param name="Locale">The language of the heading.</param>
/// <param name="Fallback">True when the heading is not in the requested language.</param>
/// <param name="Entries">The contacts, in the order to show them.</param>
public sealed record SignpostingTierResource<TContact>(
    SignpostingTier Tier, int Order, string? Title, string? Description, string? Locale, bool Fallback, IReadOnlyList<SignpostingEntryResource<TContact>> Entries)
    where TContact : ContactResourceBase;

/// <summary>A signposting answer: contacts in ordered tiers, emergency first.</summary>
/// <param name="Age">The age of the person the help is about (26 for any adult over 25).</param>
/// <param name="Audience">Who is asking.</param>
/// <param name="Asker">How the request was understood: young-person or adult (asking for themselves), parent-carer or professional (asking about a child).</param>
/// <param name="Topic">The topic, if one was given.</param>
/// <param name="Force">The force, if one was given.</param>
/// <param name="RequestedLocale">The language asked for.</param>
/// <param name="Tiers">The tiers with at least one contact, in display order.</param>
public sealed record SignpostingResponse<TContact>(
    int Age, Audience Audience, SignpostingAsker Asker, string? Topic, string? Force, string RequestedLocale, IReadOnlyList<SignpostingTierResource<TContact>> Tiers)
    where TContact : ContactResourceBase
{
    /// <summary>The reader age band every reason in the answer is written for: the young person's own, else adults.</summary>
    public required string ReaderAgeBand { get; init; }
}

/// <summary>
/// One-call signposting: who to contact, in what order, and why, for a person's age, who is asking, the topic and the
/// force. The answer comes from signposting rules in content; see <see cref="SignpostingEngine"/>.
/// </summary>
internal static class SignpostingApi
{
    private const string Description =
        "Contacts grouped in ordered tiers: emergency (999) first, then reporting and image-removal routes, then helplines " +
        "that serve the person's age and who is asking, then the force's local contacts. Each entry says why it is listed " +
        "and whether the person asking or their child would use it. Adults-only services are never offered for under-18s to " +
        "use, and services for young people are never offered to adults asking for themselves.";

    public static RouteGroupBuilder MapSignpostingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/signposting").WithTags("Signposting");

        group.MapGetInVersion("/", Answer<ContactResourceV1>, ApiVersions.V1, "SignpostingV1", "Who to contact, in order, and why (v1 contact shape)", Description);
        // The embeddable widget (Features/Widget) asks this from partner pages on any origin.
        group.MapGetInVersion("/", Answer<ContactResourceV2>, ApiVersions.V2, "GetSignposting", "Who to contact, in order, and why (v2 contact shape)", Description)
            .OpenToAnyOrigin();

        return api;
    }

    private static Results<Ok<SignpostingResponse<TContact>>, ValidationProblem> Answer<TContact>(
        [AsParameters] SignpostingQuery query, ContentRequests requests, HttpRequest http)
        where TContact : ContactResourceBase, IContactShape<TContact>
    {
        var validator = requests.Begin(http);
        var age = QueryValidator.Age(query.Age);
        var audience = QueryValidator.Word<Audience>(query.Audience);
        var filter = validator.Filter(query.Topic, null, null, null, query.Force, query.Locale);
        if (!validator.IsValid || age is null || audience is null)
        {
            return validator.Problem();
        }

        var request = new SignpostingRequest(new SignpostingQuestion(age.Value, audience.Value, filter.Topic), filter.Force, filter.Locale);
        var groups = SignpostingEngine.Answer(validator.Snapshot, request, validator.Reviews);
        var tiers = groups.Select(g => new SignpostingTierResource<TContact>(
                g.Tier,
                (int)g.Tier + 1,
                g.Heading?.Item.Title,
                g.Heading?.Item.Description,
                g.Heading?.Item.Locale,
                g.Heading is { } heading && IsFallback(heading.Item, request),
                g.Entries.Select(e => new SignpostingEntryResource<TContact>(
                    e.Reason.Text, e.Reason.Locale, IsFallback(e.Reason.Locale, request), e.UsedBy, e.Rule.Item.Id, TContact.From(e.Contact, validator.Context))
                {
                    ReasonAgeBand = e.Reason.AgeBand.Id,
                }).ToList()))
            .ToList();

        validator.AnnounceLanguages(groups.SelectMany(g => g.Entries.SelectMany(e => new[] { e.Contact.Item.Locale, e.Reason.Locale })));
        var question = request.Question;
        return TypedResults.Ok(new SignpostingResponse<TContact>(question.Age, audience.Value, question.Asker, question.Topic, request.Force, request.Locale, tiers)
        {
            ReaderAgeBand = question.ReaderBand.Id,
        });
    }

    private static bool IsFallback(ContentItem item, SignpostingRequest request) => IsFallback(item.Locale, request);

    private static bool IsFallback(string locale, SignpostingRequest request) =>
        !string.Equals(locale, request.Locale, StringComparison.OrdinalIgnoreCase);
}
