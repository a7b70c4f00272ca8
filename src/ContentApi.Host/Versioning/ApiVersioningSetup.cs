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

/// <summary>
/// docs/migrating-to-v2.md, embedded in the host at build time: the one file partners read in the repository and from
/// the host.
/// </summary>
internal static class MigrationGuide
{
    private const string ResourceName = "ContentApi.Host.docs.migrating-to-v2.md";

    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(MigrationGuide).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The host was built without {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
