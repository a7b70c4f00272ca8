using System.ComponentModel;
using ContentApi.Abstractions;
using ContentApi.Host.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentApi.Host.Api;

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

        group.MapGet("/", ([AsParameters] ContactsQuery query, ContentStore store) => List(query, store, e => new ContactResourceV1(e)))
            .MapToApiVersion(ApiVersions.V1)
            .WithName("ListContactsV1")
            .WithSummary("List contacts (v1: flat channel fields)")
            .WithDescription(listDescription);

        group.MapGet("/", ([AsParameters] ContactsQuery query, ContentStore store) => List(query, store, e => new ContactResourceV2(e)))
            .MapToApiVersion(ApiVersions.V2)
            .WithName("ListContactsV2")
            .WithSummary("List contacts (v2: typed channels with opening hours)")
            .WithDescription(listDescription);

        group.MapGet(
                "/{id}",
                ([Description(ParameterDocs.Id)] string id,
                 [Description(ParameterDocs.Locale)] string? locale,
                 [Description(ParameterDocs.Force)] string? force,
                 ContentStore store) => Get(id, locale, force, store, e => new ContactResourceV1(e)))
            .MapToApiVersion(ApiVersions.V1)
            .WithName("GetContactV1")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one contact (v1)")
            .WithDescription("One contact by id, with flat channel fields. With force, the force's own version replaces a national contact it overrides.");

        group.MapGet(
                "/{id}",
                ([Description(ParameterDocs.Id)] string id,
                 [Description(ParameterDocs.Locale)] string? locale,
                 [Description(ParameterDocs.Force)] string? force,
                 ContentStore store) => Get(id, locale, force, store, e => new ContactResourceV2(e)))
            .MapToApiVersion(ApiVersions.V2)
            .WithName("GetContactV2")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one contact (v2)")
            .WithDescription("One contact by id, with typed channels and opening hours. With force, the force's own version replaces a national contact it overrides.");

        return api;
    }

    private static Results<Ok<PagedResult<TResource>>, ValidationProblem> List<TResource>(
        ContactsQuery query, ContentStore store, Func<Entry<Contact>, TResource> map)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(query.Topic, query.Audience, query.Age, null, query.Force, query.Locale);
        var channel = validator.Enum<ChannelType>("channel", query.Channel);
        var (page, pageSize) = validator.Paging(query.Page, query.PageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var items = ContentQuery.Resolve(snapshot.Contacts, filter)
            .Where(e => channel is null || e.Item.Channels.Any(c => c.Type == channel))
            .ToList();
        return TypedResults.Ok(items.ToPage(page, pageSize, map));
    }

    private static Results<Ok<TResource>, ProblemHttpResult, ValidationProblem> Get<TResource>(
        string id, string? locale, string? force, ContentStore store, Func<Entry<Contact>, TResource> map)
    {
        var snapshot = store.Current;
        var validator = new QueryValidator(snapshot);
        var filter = validator.Filter(null, null, null, null, force, locale);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return ContentQuery.Find(snapshot.Contacts, id, filter.Locale, filter.Force) is { } entry
            ? TypedResults.Ok(map(entry))
            : ApiResults.NotFound("Contact", id);
    }
}
