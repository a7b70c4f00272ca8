namespace ContentApi.Host.Features.Admin;

/// <summary>What an admin sees of the running instance: more than the public plugins list, including folders.</summary>
/// <param name="KeyId">The admin key used (its id, never the key).</param>
/// <param name="Instance">The machine name of this instance.</param>
/// <param name="ContentLoadedAt">When content was last loaded.</param>
/// <param name="PluginsPath">The plugins folder this instance reads.</param>
/// <param name="Plugins">Each plugin's id, status and folder.</param>
public sealed record AdminStatus(string KeyId, string Instance, DateTimeOffset ContentLoadedAt, string PluginsPath, IReadOnlyList<AdminPluginStatus> Plugins);

/// <summary>One plugin as an admin sees it.</summary>
/// <param name="Id">Plugin id.</param>
/// <param name="Status">Load status.</param>
/// <param name="Folder">The folder it was loaded from.</param>
public sealed record AdminPluginStatus(string Id, PluginStatus Status, string Folder);

/// <summary>
/// Admin endpoints: an admin API key in the <c>X-Api-Key</c> header, never cached, and absent from the public OpenAPI
/// documents. Features add their own admin endpoints to the group this returns.
/// </summary>
internal static class AdminApi
{
    public const string RoutePrefix = "/admin";

    public static RouteGroupBuilder MapAdminApi(this WebApplication app)
    {
        var admin = AdminEndpoints.RequireAdmin(app.MapGroup(RoutePrefix))
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });

        admin.MapGet("/status", Status);
        return admin;
    }

    private static Ok<AdminStatus> Status(HttpContext http, ContentStore store, Microsoft.Extensions.Options.IOptions<PluginOptions> options)
    {
        var snapshot = store.Current;
        var keyId = http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "unknown";
        return TypedResults.Ok(new AdminStatus(
            keyId,
            Environment.MachineName,
            snapshot.LoadedAt,
            options.Value.ResolvePath(),
            snapshot.Plugins.Select(p => new AdminPluginStatus(p.Report.Id, snapshot.StatusOf(p.Report), p.Report.Folder)).ToList()));
    }
}
