using ContentApi.Host.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.Host.Features.Contacts;

/// <summary>Filters for contact lists.</summary>
// Marked, because its endpoints are generic over the contact shape, and the validation generator only finds the
// parameter types of handlers it can read at compile time (ASP0029: the attribute is marked open to change, like the
// rest of the validation API DeclaredRules uses).
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.ValidatableType]
#pragma warning restore ASP0029
public sealed record ContactsQuery : PagedQuery
{
    [Description("Only contacts for this audience: parents-carers, young-people or professionals.")]
    [OneOf<Audience>]
    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    [Description("Only contacts that help a person of this age: the child's age, or the asker's own when they ask for themselves (0-25; any age over 25 means an adult). With audience, only contacts that person may get in touch with: adults-only services are never returned to under-18s, and a parent of a 13-year-old gets the NSPCC Helpline.")]
    [Range(0, QueryLimits.MaxAge, ErrorMessage = RuleMessages.Age)]
    [FromQuery(Name = "age")]
    public int? Age { get; init; }

    [Description("Only contacts on this topic (a topic id from /topics).")]
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    [Description("A data.police.uk force id: adds that force's local contacts and applies its overrides (such as its own 101).")]
    [FromQuery(Name = "force")]
    public string? Force { get; init; }

    [Description("Only contacts reachable this way: phone, textphone, sms, web, chat, email or app.")]
    [OneOf<ChannelType>]
    [FromQuery(Name = "channel")]
    public string? Channel { get; init; }

    [Description(ParameterDocs.Locale)]
    [FromQuery(Name = "locale")]
    public string? Locale { get; init; }

    [Description("Text to search for in names, descriptions and who each service is for; ranked, best first.")]
    [MaxLength(QueryLimits.MaxTextLength, ErrorMessage = RuleMessages.MaxLength)]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}

/// <summary>
/// Signposting contacts. The two API versions differ only in how a contact is shaped (v1 flat fields, v2 typed
/// channels); selection is shared.
/// </summary>
internal static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts").WithTags("Contacts");
        const string listDescription =
            "Helplines, reporting routes and police contacts. Every contact carries its source and last-verified date. " +
            "With age, services that do not serve that age (such as adults-only helplines for under-18s) are left out.";

        group.MapGetInVersion("/", List<ContactResourceV1>, ApiVersions.V1, "ListContactsV1", "List contacts (v1: flat channel fields)", listDescription);
        group.MapGetInVersion("/", List<ContactResourceV2>, ApiVersions.V2, "ListContacts", "List contacts (v2: typed channels with opening hours)", listDescription);
        group.MapGetInVersion("/{id}", Get<ContactResourceV1>, ApiVersions.V1, "GetContactV1", "Get one contact (v1)",
                "One contact by id, with flat channel fields. With force, the force's own version replaces a national contact it overrides.")
            .ProducesItemProblems();
        group.MapGetInVersion("/{id}", Get<ContactResourceV2>, ApiVersions.V2, "GetContact", "Get one contact (v2)",
                "One contact by id, with typed channels and opening hours. With force, the force's own version replaces a national contact it overrides.")
            .ProducesItemProblems();

        return api;
    }

    /// <summary>Where search looks in a contact: its name, what it does, and who it is for.</summary>
    private static Results<Ok<PagedResult<TContact>>, ValidationProblem> List<TContact>(
        [AsParameters] ContactsQuery query, ContentRequests requests, HttpRequest request)
        where TContact : ContactResourceBase, IContactShape<TContact>
    {
        var validator = requests.Begin(request);
        var filter = validator.Filter(query.Topic, query.Audience, query.Age, null, query.Force, query.Locale, query.Q);
        var channel = QueryValidator.Word<ChannelType>(query.Channel);
        var (page, pageSize) = QueryValidator.Paging(query.Page, query.PageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        // Audience and age mean who is asking and the age of the person helped, as in signposting, so a contact is
        // matched on its askers and age range together rather than on the words it is written for.
        var items = ContentQuery.Resolve(validator.Snapshot.Contacts, filter with { Audience = null, Age = null })
            .Where(e => ContactWho.Serves(e.Item, filter.Audience, filter.Age))
            .Where(e => channel is null || e.Item.Channels.Any(c => c.Type == channel));
        var ranked = validator.Ranked(items, filter.Text, BuiltInKinds.Contact);
        return TypedResults.Ok(ranked.ToPage(page, pageSize, r => (TContact)((ItemResource)TContact.From(r.Item, validator.Context) with { Search = r.Match })));
    }

    private static Results<Ok<TContact>, ProblemHttpResult, ValidationProblem> Get<TContact>(
        [Description(ParameterDocs.Id), ParameterExample("childline")] string id,
        [Description(ParameterDocs.Locale)] string? locale,
        [Description(ParameterDocs.Force)] string? force,
        ContentRequests requests,
        HttpRequest request)
        where TContact : ContactResourceBase, IContactShape<TContact> =>
        requests.One(request, id, locale, force, ("Contact", BuiltInKinds.Contact), s => s.Contacts, (e, query) => TContact.From(e, query.Context));
}
