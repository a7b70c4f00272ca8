using Microsoft.AspNetCore.Authentication;

namespace ContentApi.Host.Security;

internal static class SecuritySetup
{
    public const string AdminPolicy = "admin";

    /// <summary>Query parameter names that look like a key: keys in URLs leak into logs and caches, so they are refused.</summary>
    private static readonly string[] KeyLikeQueryParameters = ["api_key", "apikey", "api-key", "key", "x-api-key", "admin_key", "adminkey", "access_token", "token"];

    public static WebApplicationBuilder AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        // "Security:ApiKeys:<id>:Hash" binds straight into Keys, and key changes apply without a restart.
        var section = builder.Configuration.GetSection(ApiKeyOptions.SectionName);
        builder.Services.AddOptions<ApiKeyOptions>().Configure(options => section.Bind(options.Keys));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<ApiKeyOptions>>(new ConfigurationChangeTokenSource<ApiKeyOptions>(section));
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<AdminEndpoints>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ApiKeyRoles.Admin));
        return builder;
    }

    /// <summary>
    /// Refuses keys in URLs. It runs after the rate limiter, like <see cref="UseInvalidKeyRefusal"/> for a bad key in
    /// the header, so every refused attempt still costs the caller's own quota.
    /// </summary>
    public static WebApplication UseKeyInUrlRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (KeyLikeQueryParameters.Any(context.Request.Query.ContainsKey))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "API keys are not accepted in the URL",
                    $"Send the key in the {ApiKeyAuthenticationHandler.HeaderName} header instead; keys in URLs end up in logs and caches. Treat this key as exposed.");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Refuses a wrong or revoked key, even on anonymous routes, so a partner notices at once.</summary>
    public static WebApplication UseInvalidKeyRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Failure is { } failure)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "Invalid API key", failure.Message);
                return;
            }

            await next(context);
        });
        return app;
    }
}
