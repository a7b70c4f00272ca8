using System.Diagnostics.CodeAnalysis;
using ContentApi.Host.OpenApi;

namespace ContentApi.Host.Features.Forces;

/// <summary>A police force in the directory, with the plugins that add its local content.</summary>
public sealed record ForceResource : ItemResource
{
    [SetsRequiredMembers]
    internal ForceResource(Entry<PoliceForce> e, ResourceContext context, IReadOnlyList<string> localContentPlugins)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Name = e.Item.Name;
        Website = e.Item.Website;
        Telephone = e.Item.Telephone;
        EngagementMethods = e.Item.EngagementMethods;
        IsWelsh = e.Item.IsWelsh;
        LocalContentPlugins = localContentPlugins;
    }

    /// <summary>The force's name, for example "Gloucestershire Constabulary".</summary>
    public required string Name { get; init; }

    /// <summary>The force's website, when known for certain.</summary>
    public Uri? Website { get; init; }

    /// <summary>The non-emergency number (101). In an emergency, always 999.</summary>
    public string? Telephone { get; init; }

    /// <summary>Other ways to reach the force, such as social media and online reporting.</summary>
    public required IReadOnlyList<EngagementMethod> EngagementMethods { get; init; }

    /// <summary>True for the four Welsh forces, which publish in Welsh and English.</summary>
    public required bool IsWelsh { get; init; }

    /// <summary>
    /// Ids of the plugins that supply this force's local contacts and guidance (use <c>force=&lt;id&gt;</c> on the
    /// other resources to see them); empty when only national content applies.
    /// </summary>
    public required IReadOnlyList<string> LocalContentPlugins { get; init; }
}

/// <summary>
/// The police forces directory: the 44 data.police.uk forces plus Police Scotland, from the forces plugin (a remote
/// source with a shipped snapshot), each linked to the plugins that add its local content.
/// </summary>
internal static class ForcesApi
{
    private const string ListDescription =
        "Every UK territorial police force by data.police.uk id (plus police-scotland): name, website, 101, " +
        "ways to engage, whether it is Welsh, and which plugins supply its local content.";

    public static RouteGroupBuilder MapForcesApi(this RouteGroupBuilder api)
    {
        // A force is never withdrawn, so its item route answers only 404 besides a 400.
        api.MapGroup("/forces").WithTags("Forces")
            .MapListAndItem(
                new(List, "ListForces", "List police forces", ListDescription),
                new(Get, "GetForce", "Get one police force", "One force by its data.police.uk id, such as gloucestershire or police-scotland."))
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static Results<Ok<IReadOnlyList<ForceResource>>, ValidationProblem> List(
        [Description(ParameterDocs.Locale)] string? locale, ContentRequests requests, HttpRequest request) =>
        requests.All(request, locale, s => s.Forces, Shape, forces => forces.OrderBy(e => e.Item.Id, StringComparer.Ordinal));

    private static Results<Ok<ForceResource>, ProblemHttpResult, ValidationProblem> Get(
        [Description("A data.police.uk force id, such as gloucestershire, or police-scotland."), ParameterExample("gloucestershire")] string id,
        [Description(ParameterDocs.Locale)] string? locale,
        ContentRequests requests,
        HttpRequest request) =>
        requests.One(request, id, locale, force: null, ("Police force", BuiltInKinds.Force), s => s.Forces, Shape);

    private static ForceResource Shape(Entry<PoliceForce> force, QueryValidator query) =>
        new(force, query.Context, LocalContentPlugins(query.Snapshot, force.Item.Id));

    private static List<string> LocalContentPlugins(ContentSnapshot snapshot, string forceId) => snapshot.Plugins
        .Where(p => p.Report.Status != PluginStatus.Faulted && string.Equals(p.Report.Manifest?.ForceId, forceId, StringComparison.OrdinalIgnoreCase))
        .Select(p => p.Report.Id)
        .ToList();
}
