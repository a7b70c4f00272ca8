using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.WebUtilities;

namespace ContentApi.Host.Infrastructure;

/// <summary>Bounds on what one request may send and how long it may take, bound from <c>RequestLimits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Longest query string, in characters as sent (percent-encoded).</summary>
    public int MaxQueryStringLength { get; set; } = 2048;

    /// <summary>Largest total size of request header names and values, in bytes.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 16 * 1024;

    /// <summary>Most request headers.</summary>
    public int MaxRequestHeaderCount { get; set; } = 50;

    /// <summary>Largest request body on public routes, in bytes. The public API only reads, so it takes no body.</summary>
    public long MaxRequestBodySize { get; set; }

    /// <summary>Largest request body on admin routes, in bytes.</summary>
    public long AdminMaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>How long a request may run before it is abandoned with a 504 problem.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    internal bool IsValid =>
        MaxQueryStringLength > 0 && MaxRequestHeadersTotalSize > 0 && MaxRequestHeaderCount > 0 &&
        MaxRequestBodySize >= 0 && AdminMaxRequestBodySize >= 0 && RequestTimeout > TimeSpan.Zero;
}

/// <summary>
/// Request limits answered with problem+json by the app (414, 431, 413, 504). Kestrel's own limits are set to twice
/// the app's, as a backstop for what the app never gets to see; Kestrel's <c>Server</c> header is switched off.
/// </summary>
internal static class RequestLimits
{
    // Bodies up to this size stay in memory; a larger configured limit spills to a temporary file.
    private const int MemoryBufferLimit = 64 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(o => o.IsValid, "RequestLimits values must be positive.")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var limits = context.Configuration.GetSection(RequestLimitsOptions.SectionName).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, (limits.MaxQueryStringLength * 2) + 4096);
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalSize * 2;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount * 2;
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxRequestBodySize, limits.AdminMaxRequestBodySize);
        });

        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestLimitsOptions>>((timeouts, limits) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = limits.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => ProblemResponses.WriteAsync(context, StatusCodes.Status504GatewayTimeout,
                    "The request took too long", $"The API gives up on a request after {limits.Value.RequestTimeout.TotalSeconds:0.#} seconds. Try again shortly."),
            });
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>();
        var admin = app.Services.GetRequiredService<AdminEndpoints>();
        app.Use(async (context, next) =>
        {
            var limits = options.Value;
            var request = context.Request;
            if (request.Headers.Count > limits.MaxRequestHeaderCount || HeadersSize(request.Headers) > limits.MaxRequestHeadersTotalSize)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                    $"Send at most {limits.MaxRequestHeaderCount} headers of at most {limits.MaxRequestHeadersTotalSize} bytes in all.");
                return;
            }

            if (request.QueryString.Value?.Length > limits.MaxQueryStringLength)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status414UriTooLong, "Query string too long",
                    $"The query string may be at most {limits.MaxQueryStringLength} characters.");
                return;
            }

            var bodyLimit = admin.IsAdmin(context) ? limits.AdminMaxRequestBodySize : limits.MaxRequestBodySize;
            if (request.ContentLength > bodyLimit)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                    $"The request body may be at most {bodyLimit} bytes here.");
                return;
            }

            // A body sent without Content-Length is cut off by the server at the same size (then a 413 problem too).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = bodyLimit;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Reads a request body whole before the endpoint binds it. When shutdown begins Kestrel wakes every connection with
    /// a cancelled read. A reader that looks at bytes without consuming them (System.Text.Json reading a partial body
    /// from the PipeReader) takes that for its own cancellation (aspnetcore#19476), so an admin request whose body was
    /// still arriving at SIGTERM ended in a 500 instead of being drained. A stream consumes what it reads, and from such
    /// a reader Kestrel hides its own cancellation. This runs after authorization, so only a body the caller may send is
    /// held, and never more than the body limit.
    /// </summary>
    public static WebApplication UseWholeRequestBodies(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
            {
                var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MemoryBufferLimit;
                context.Request.EnableBuffering(bufferThreshold: (int)Math.Clamp(limit, 1, MemoryBufferLimit));
                await context.Request.Body.DrainAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
            }

            await next(context);
        });
        return app;
    }

    private static long HeadersSize(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (var (name, values) in headers)
        {
            size += name.Length;
            foreach (var value in values)
            {
                size += value?.Length ?? 0;
            }
        }

        return size;
    }
}
