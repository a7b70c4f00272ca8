using ContentApi.Host.Features.Plugins;

namespace ContentApi.Host.Features.Admin;

/// <summary>Admin endpoints for plugins, added to the admin group (admin key, no-store, not in the OpenAPI documents).</summary>
internal static class PluginAdminApi
{
    public static RouteGroupBuilder MapPluginAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/plugins/reload", ReloadAsync);
        return admin;
    }

    /// <summary>
    /// Reloads every plugin now and tells the other instances to do the same. Answers with the plugins list as it is
    /// after the reload, so the caller sees at once whether new content was accepted.
    /// </summary>
    private static async Task<Ok<PluginsResponse>> ReloadAsync(
        ContentReloader reloader, IContentReloadBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var snapshot = await reloader.ReloadAsync(ReloadTrigger.Admin, cancellationToken);
        await broadcaster.PublishAsync(cancellationToken);
        return TypedResults.Ok(PluginsApi.ToResponse(snapshot));
    }
}
