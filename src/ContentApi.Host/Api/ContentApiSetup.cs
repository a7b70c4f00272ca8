using System.Text.Json;
using System.Text.Json.Serialization;
using Asp.Versioning;
using ContentApi.Host.Caching;
using ContentApi.Host.Content;

namespace ContentApi.Host.Api;

internal static class ContentApiSetup
{
    public static WebApplicationBuilder AddContentApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Enums read and write as the same kebab-case words used in content files and query strings.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReviewPolicy>();
        builder.Services.AddSingleton<ContentRequests>();

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

    /// <summary>Maps every versioned resource under <c>/api/v{version}</c>.</summary>
    public static WebApplication MapContentApi(this WebApplication app)
    {
        var versions = app.NewApiVersionSet("Content");
        foreach (var version in ApiVersions.Supported)
        {
            versions.HasApiVersion(version);
        }

        var api = app.MapGroup("/api/v{version:apiVersion}")
            .WithApiVersionSet(versions.ReportApiVersions().Build())
            .CacheResponses();

        api.MapGuidanceApi()
            .MapContactsApi()
            .MapAgeBandsApi()
            .MapTopicsApi()
            .MapForcesApi()
            .MapPluginsApi()
            .MapSignpostingApi()
            .MapReviewsApi()
            .MapChangesApi();

        app.MapGet(ApiVersions.MigrationGuidePath, () => TypedResults.Text(MigrationGuide.Text, "text/markdown; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
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
