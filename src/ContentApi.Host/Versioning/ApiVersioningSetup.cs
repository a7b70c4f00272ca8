using Asp.Versioning;

namespace ContentApi.Host.Versioning;

/// <summary>API versions in the path (<c>/api/v2/...</c>), v1's deprecation and sunset, and the migration guide.</summary>
internal static class ApiVersioningSetup
{
    public static WebApplicationBuilder AddContentApiVersioning(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiVersioning(options =>
            {
                options.ReportApiVersions = true;
                options.ApiVersionReader = new ApiVersionPathReader();
                options.Policies.Deprecate(ApiVersions.V1)
                    .Effective(ApiVersions.V1DeprecatedOn)
                    .Link(ApiVersions.MigrationGuidePath.TrimStart('/'))
                    .Title("Migrating from v1 to v2")
                    .Type("text/markdown");
                options.Policies.Sunset(ApiVersions.V1)
                    .Effective(ApiVersions.V1SunsetOn)
                    .Link(ApiVersions.MigrationGuidePath.TrimStart('/'))
                    .Title("Migrating from v1 to v2")
                    .Type("text/markdown");
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });

        return builder;
    }

    /// <summary>Serves the v1 to v2 migration guide that the deprecation and sunset headers link to.</summary>
    public static WebApplication MapMigrationGuide(this WebApplication app)
    {
        app.MapGet(ApiVersions.MigrationGuidePath, () => TypedResults.Text(MigrationGuide.Text, "text/markdown; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }
}

internal static class MigrationGuide
{
    public const string Text = """
        # Migrating from API v1 to v2

        v1 is deprecated and will be switched off on its sunset date (see the `Sunset` response header).
        Every resource is the same in v2 except contacts.

        ## Contacts
        v1 gives one flat field per way of getting in touch (`phone`, `textphone`, `sms`, `web`, `chat`, `email`)
        holding only the first of each, and the main channel's opening hours as text in `hours`.

        v2 gives a `channels` array instead. Each channel has `type`, `value`, `label`, `anonymous`, `free` and
        structured `hours` (`alwaysOpen`, `text`, `weekly` periods with `days`, `opens`, `closes`), so a service with
        two phone lines, or a line with different hours from its website, is described fully.

        To migrate, read `channels` and pick the types you show, for example
        `channels.filter(c => c.type === "phone")`.
        """;
}
