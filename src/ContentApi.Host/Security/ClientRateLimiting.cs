using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ContentApi.Host.Security;

/// <summary>
/// Per-client quotas with ASP.NET Core's rate limiting middleware: anonymous callers by address, keyed callers by key
/// id, shared by every instance through Redis when it is configured (<see cref="SharedQuotaCounts"/>). Every limited response says where the caller stands (<c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>,
/// <c>RateLimit-Reset</c>); a refused one is a 429 problem with <c>Retry-After</c> (the framework's default is 503).
/// Health and metrics endpoints are exempt, so probes never starve.
/// </summary>
internal static class ClientRateLimiting
{
    public const string LimitHeader = "RateLimit-Limit";
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";

    public static WebApplicationBuilder AddClientRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(o => o.Anonymous.IsValid && o.Partner.IsValid, "RateLimiting quotas need a PermitLimit of 1 or more and a Window of at least 1 second.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SharedQuotaCounts>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SharedQuotaCounts>());
        builder.Services.AddSingleton<ClientQuotas>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<ClientQuotas>((options, quotas) =>
        {
            options.GlobalLimiter = quotas.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => quotas.RejectAsync(context.HttpContext, context.Lease);
        });
        return builder;
    }

    /// <summary>Tells every limited response where its caller stands; runs just after the rate limiter.</summary>
    public static WebApplication UseRateLimitHeaders(this WebApplication app)
    {
        var quotas = app.Services.GetRequiredService<ClientQuotas>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null)
            {
                quotas.WriteHeaders(context, quotas.Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
            }

            return next(context);
        });
        return app;
    }
}

/// <summary>The partitioned limiter and what each partition's quota is.</summary>
internal sealed partial class ClientQuotas : IDisposable
{
    private readonly RateLimitingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClientQuotas> _logger;

    public ClientQuotas(IOptions<RateLimitingOptions> options, SharedQuotaCounts shared, TimeProvider time, ILogger<ClientQuotas> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var client = Identify(context);
            return RateLimitPartition.Get(
                client.Partition, partition => new FixedWindowLimiter(client.Quota, _time, () => shared.For(partition, client.Quota.Window)));
        });
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void WriteHeaders(HttpContext context, long remaining)
    {
        var quota = Identify(context).Quota;
        var headers = context.Response.Headers;
        headers[ClientRateLimiting.LimitHeader] = quota.PermitLimit.ToString(CultureInfo.InvariantCulture);
        headers[ClientRateLimiting.RemainingHeader] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers[ClientRateLimiting.ResetHeader] = Seconds(FixedWindowLimiter.UntilReset(quota.Window, _time.GetUtcNow()));
    }

    public async ValueTask RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var client = Identify(context);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : client.Quota.Window;
        WriteHeaders(context, 0);
        context.Response.Headers.RetryAfter = Seconds(retryAfter);
        if (client.KeyId is { } keyId)
        {
            LogKeyLimited(keyId, client.Quota.PermitLimit);
        }
        else
        {
            LogAnonymousLimited(client.Quota.PermitLimit);
        }

        await ProblemResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client may make {client.Quota.PermitLimit} requests every {client.Quota.Window.TotalSeconds:0} seconds. " +
            $"Try again in {Seconds(retryAfter)} seconds" +
            (client.KeyId is null ? $", or ask for a partner API key (sent in the {ApiKeyAuthenticationHandler.HeaderName} header) for a higher quota." : "."));
    }

    public void Dispose() => Limiter.Dispose();

    private (string Partition, RateLimitQuota Quota, string? KeyId) Identify(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId
            ? ("key:" + keyId, _options.Partner, keyId)
            : ("address:" + ClientAddress.PartitionOf(context.Connection.RemoteIpAddress), _options.Anonymous, null);

    private static string Seconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    // Key ids only: never a key, and no client addresses in logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {KeyId} reached its rate limit of {PermitLimit} requests per window")]
    private partial void LogKeyLimited(string keyId, int permitLimit);

    [LoggerMessage(Level = LogLevel.Information, Message = "An anonymous client reached its rate limit of {PermitLimit} requests per window")]
    private partial void LogAnonymousLimited(int permitLimit);
}
