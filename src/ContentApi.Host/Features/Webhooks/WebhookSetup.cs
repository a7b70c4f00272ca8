using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// Webhooks: the outbox (Redis when <c>ConnectionStrings:Redis</c> is set, else memory), the dispatcher, the guarded
/// HTTP client, and Data Protection for the subscriptions' secrets, its keys in Redis too so every instance can read
/// the secrets any instance stored.
/// </summary>
internal static class WebhookSetup
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        var redisConfigured = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(CachingOptions.RedisConnectionStringName));
        if (redisConfigured)
        {
            services.AddSingleton<IWebhookOutbox, RedisWebhookOutbox>();
        }
        else
        {
            services.AddSingleton<IWebhookOutbox, MemoryWebhookOutbox>();
        }

        services.AddDataProtection().SetApplicationName("content-api");
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection, IOptions<CachingOptions>>((keys, redis, caching) =>
        {
            if (redis.IsConfigured)
            {
                keys.XmlRepository = new RedisXmlRepository(redis, caching.Value.KeyPrefix + "data-protection-keys");
            }
        });

        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookDestinations.HttpClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SafeguardingContentApi-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookDestinations.Handler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddHealthChecks().AddCheck<WebhooksHealthCheck>("webhooks", tags: [HealthChecks.ReadyTag]);
        services.Configure<OpenApiOptions>(ApiVersions.DocumentName(ApiVersions.V2), openApi => openApi.AddDocumentTransformer(WebhookContract.AddAsync));
        return builder;
    }

    /// <summary>Says in readiness where deliveries are kept.</summary>
    private sealed class WebhooksHealthCheck(IWebhookOutbox outbox) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(outbox.IsShared
                ? HealthCheckResult.Healthy("Webhook deliveries are kept in Redis, shared by every instance.")
                : HealthCheckResult.Healthy(
                    "Redis is not configured: webhook deliveries are kept in this instance's memory and lost on restart.",
                    new Dictionary<string, object> { [HealthChecks.DetailKey] = "webhooks: memory only" }));
    }

    /// <summary>Data Protection's key ring in a Redis hash, one field per key.</summary>
    private sealed class RedisXmlRepository(RedisConnection redis, string key) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            [.. Database().HashValues(key).Select(v => XElement.Parse(v!))];

        public void StoreElement(XElement element, string friendlyName) =>
            Database().HashSet(key, friendlyName, element.ToString(SaveOptions.DisableFormatting));

        // Data Protection's repository is synchronous; it is read once when the key ring loads and rarely after.
        private IDatabase Database() => redis.GetAsync().GetAwaiter().GetResult().GetDatabase();
    }
}
