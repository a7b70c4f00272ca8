using System.Text.Json;
using System.Text.Json.Serialization;
using ContentApi.Host.Features.AgeBands;
using ContentApi.Host.Features.Changes;
using ContentApi.Host.Features.Contacts;
using ContentApi.Host.Features.Forces;
using ContentApi.Host.Features.Guidance;
using ContentApi.Host.Features.Plugins;
using ContentApi.Host.Features.Reviews;
using ContentApi.Host.Features.Signposting;
using ContentApi.Host.Features.Topics;

namespace ContentApi.Host.Features;

internal static class ContentApiSetup
{
    public static WebApplicationBuilder AddContentApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Enums read and write as the same kebab-case words used in content files and query strings.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            // One rule for the whole API: every documented property is always sent, null when it has no value, so
            // "required" in the contract always means present and typed clients never meet a missing field.
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReviewPolicy>();
        builder.Services.AddSingleton<ContentRequests>();
        // The rules declared on query records and parameters are enforced by the framework's validation (DeclaredRules).
        builder.Services.AddValidation();

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
            .EnforceDeclaredRules()
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

        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
        return app;
    }
}
