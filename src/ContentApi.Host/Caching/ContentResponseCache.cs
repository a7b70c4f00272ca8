using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ZiggyCreatures.Caching.Fusion;

namespace ContentApi.Host.Caching;

/// <summary>
/// The response cache of the versioned API. It wraps each cached endpoint (see
/// <see cref="ResponseCachingConventions.CacheResponses"/>), so every middleware (request ids, security headers, CORS,
/// API keys, rate limits) has done its work on the request before the cache answers it. It reads memory (L1) and
/// Redis (L2) through FusionCache and, on a miss, lets exactly one request per instance render the response while the
/// others wait for it. Only 200 responses are stored; every one leaves with a strong ETag, so If-None-Match gets a
/// bodiless 304.
/// </summary>
internal sealed class ContentResponseCache
{
    public const string CacheStatusHeader = "Cache-Status";

    /// <summary>The keys an edge cache in front purges this response by (Varnish, Fastly; Cloudflare calls it Cache-Tag).</summary>
    public const string SurrogateKeyHeader = "Surrogate-Key";

    private static readonly StringValues VaryHeader = HeaderNames.AcceptLanguage;
    private static readonly StringValues MustRevalidate = "no-cache";
    private static readonly StringValues HitInMemory = "ContentApi; hit";
    private static readonly StringValues HitShared = "ContentApi; hit; detail=shared";
    private static readonly StringValues RenderedAndStored = "ContentApi; fwd=miss; stored";
    private static readonly StringValues RenderedNotStored = "ContentApi; fwd=miss";
    private static readonly StringValues Bypassed = "ContentApi; fwd=bypass";

    private static readonly HashSet<string> HeadersNotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.ETag, HeaderNames.CacheControl, HeaderNames.Vary,
        HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding, HeaderNames.Expires, HeaderNames.LastModified,
        HeaderNames.Age, HeaderNames.SetCookie, CacheStatusHeader, SurrogateKeyHeader,
    };

    public const string MetricsCacheName = "responses";

    private readonly IFusionCache _cache;
    private readonly ContentFingerprints _fingerprints;
    private readonly ContentApiMetrics _metrics;
    private readonly StringValues _publicCacheControl;
    private readonly int _maxStoredBytes;
    private readonly FusionCacheEntryOptions _entryOptions;
    private readonly FusionCacheEntryOptions _memoryOnlyRead;

    public ContentResponseCache(IFusionCache cache, ContentFingerprints fingerprints, ContentApiMetrics metrics, IOptions<CachingOptions> options)
    {
        _cache = cache;
        _fingerprints = fingerprints;
        _metrics = metrics;
        _publicCacheControl = options.Value.Http.CacheControl();
        _maxStoredBytes = options.Value.MaxCachedResponseBytes;
        _entryOptions = CachingSetup.ResponseEntryOptions(options.Value);
        _memoryOnlyRead = _entryOptions.Duplicate().SetSkipDistributedCacheRead(true);
    }

    /// <summary>Serves a cached endpoint: from either cache level, or rendered once by <paramref name="endpoint"/>.</summary>
    public Task ServeAsync(HttpContext context, RequestDelegate endpoint, ResponseCachePolicy policy)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return endpoint(context);
        }

        return policy.Shared ? ServeSharedAsync(context, endpoint, policy) : ServeRenderedAsync(context, endpoint, MustRevalidate, Bypassed);
    }

    private async Task ServeSharedAsync(HttpContext context, RequestDelegate endpoint, ResponseCachePolicy policy)
    {
        var scope = _fingerprints.Current;
        // Set before the render, so it is never captured as the endpoint's own header; errors are no-store anyway.
        context.Response.Headers[SurrogateKeyHeader] = scope.Snapshot.SurrogateKeysFor(policy.Kind);
        var key = ResponseCacheKeys.For(context.Request, scope);
        if (key is null)
        {
            await ServeRenderedAsync(context, endpoint, _publicCacheControl, Bypassed).ConfigureAwait(false);
            return;
        }

        var inMemory = await _cache.TryGetAsync<CachedResponse>(key, _memoryOnlyRead, context.RequestAborted).ConfigureAwait(false);
        if (inMemory.HasValue)
        {
            _metrics.RecordCacheHit(MetricsCacheName);
            await WriteAsync(context, inMemory.Value, _publicCacheControl, HitInMemory).ConfigureAwait(false);
            return;
        }

        CapturedResponse? rendered = null;
        var response = await _cache.GetOrSetAsync<CachedResponse>(
            key,
            async (factory, _) =>
            {
                rendered = await RenderAsync(context, endpoint).ConfigureAwait(false);
                if (rendered.Storable(_maxStoredBytes) is { } storable)
                {
                    factory.Options.Size = storable.FootprintBytes(key);
                    return storable;
                }

                factory.Options.SkipMemoryCacheWrite = true;
                factory.Options.SkipDistributedCacheWrite = true;
                factory.Options.SkipBackplaneNotifications = true;
                return CachedResponse.NotStorable;
            },
            _entryOptions,
            scope.Snapshot.TagsFor(policy.Kind),
            context.RequestAborted).ConfigureAwait(false);

        if (rendered is null)
        {
            _metrics.RecordCacheHit(MetricsCacheName);
        }
        else
        {
            _metrics.RecordCacheMiss(MetricsCacheName);
        }

        if (ReferenceEquals(response, CachedResponse.NotStorable))
        {
            await WriteRenderedAsync(context, rendered!, _publicCacheControl, RenderedNotStored).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, response, _publicCacheControl, rendered is null ? HitShared : RenderedAndStored).ConfigureAwait(false);
    }

    private async Task ServeRenderedAsync(HttpContext context, RequestDelegate endpoint, StringValues cacheControl, StringValues cacheStatus)
    {
        var rendered = await RenderAsync(context, endpoint).ConfigureAwait(false);
        await WriteRenderedAsync(context, rendered, cacheControl, cacheStatus).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the endpoint with its output captured instead of sent, so the bytes can be stored and replayed. Callbacks
    /// the endpoint registers to run as the response starts (API version reporting adds its headers that way) run at
    /// the end of the render, so the headers they add are captured with the body and replayed on every hit. Only what
    /// the endpoint adds is replayed: headers that middleware set for this one request (rate-limit counts, the CORS
    /// origin, the request id) must never reach another client.
    /// </summary>
    private static async Task<CapturedResponse> RenderAsync(HttpContext context, RequestDelegate endpoint)
    {
        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var originalResponse = context.Features.GetRequiredFeature<IHttpResponseFeature>();
        var setBefore = new Dictionary<string, StringValues>(context.Response.Headers, StringComparer.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        var body = new StreamResponseBodyFeature(buffer);
        var response = new StartCallbacksCapture(originalResponse);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        context.Features.Set<IHttpResponseFeature>(response);
        try
        {
            await endpoint(context).ConfigureAwait(false);
            await response.RunStartCallbacksAsync().ConfigureAwait(false);
            await body.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(originalBody);
            context.Features.Set(originalResponse);
        }

        var headers = context.Response.Headers;
        var replayed = headers
            .Where(h => !HeadersNotReplayed.Contains(h.Key) && !(setBefore.TryGetValue(h.Key, out var earlier) && earlier == h.Value))
            .Select(h => new ResponseHeader(h.Key, h.Value.ToArray()!))
            .ToArray();
        return new CapturedResponse(context.Response.StatusCode, buffer.ToArray(), context.Response.ContentType, replayed, headers.ContainsKey(HeaderNames.SetCookie));
    }

    private static Task WriteRenderedAsync(HttpContext context, CapturedResponse rendered, StringValues cacheControl, StringValues cacheStatus)
    {
        if (rendered.StatusCode == StatusCodes.Status200OK)
        {
            return WriteAsync(context, rendered.ToCachedResponse(), cacheControl, cacheStatus);
        }

        // Errors are never stored; their no-store header comes from the problem details they are written as.
        context.Response.Headers[CacheStatusHeader] = cacheStatus;
        return HeadRequests.IsHead(context) ? Task.CompletedTask : context.Response.Body.WriteAsync(rendered.Body, context.RequestAborted).AsTask();
    }

    private static Task WriteAsync(HttpContext context, CachedResponse cached, StringValues cacheControl, StringValues cacheStatus)
    {
        var response = context.Response;
        var headers = response.Headers;
        foreach (var header in cached.Headers)
        {
            headers[header.Name] = header.Values;
        }

        headers.ETag = cached.ETag;
        headers.CacheControl = cacheControl;
        headers.Vary = WithAcceptLanguage(headers.Vary);
        headers[CacheStatusHeader] = cacheStatus;

        if (EntityTags.IfNoneMatchHits(context.Request.Headers.IfNoneMatch, cached.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = cached.ContentType;
        response.ContentLength = cached.Body.Length;
        return HeadRequests.IsHead(context) ? Task.CompletedTask : WriteBodyAsync(response, cached.Body);
    }

    private static Task WriteBodyAsync(HttpResponse response, byte[] body)
    {
        var written = response.BodyWriter.WriteAsync(body);
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }

    /// <summary>The server's response feature, except that start callbacks are kept to run when the render ends.</summary>
    private sealed class StartCallbacksCapture(IHttpResponseFeature server) : IHttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _onStarting = [];

        public int StatusCode { get => server.StatusCode; set => server.StatusCode = value; }

        public string? ReasonPhrase { get => server.ReasonPhrase; set => server.ReasonPhrase = value; }

        public IHeaderDictionary Headers { get => server.Headers; set => server.Headers = value; }

        [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
        public Stream Body { get => server.Body; set => server.Body = value; }

        public bool HasStarted => false;

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state) => server.OnCompleted(callback, state);

        public async Task RunStartCallbacksAsync()
        {
            // Like a server: the last registered runs first.
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                await _onStarting[i].Callback(_onStarting[i].State).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds Accept-Language to whatever else the response varies by (CORS adds Origin).</summary>
    private static StringValues WithAcceptLanguage(StringValues vary)
    {
        if (StringValues.IsNullOrEmpty(vary))
        {
            return VaryHeader;
        }

        foreach (var value in vary)
        {
            if (value?.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase) == true)
            {
                return vary;
            }
        }

        return StringValues.Concat(vary, VaryHeader);
    }

    private sealed record CapturedResponse(int StatusCode, byte[] Body, string? ContentType, ResponseHeader[] Headers, bool SetsCookie)
    {
        public CachedResponse ToCachedResponse() => CachedResponse.Create(Body, ContentType ?? "application/json; charset=utf-8", Headers);

        /// <summary>Only successful, cookie-free responses of bounded size are shared between clients.</summary>
        public CachedResponse? Storable(int maxBytes) =>
            StatusCode == StatusCodes.Status200OK && !SetsCookie && Body.Length <= maxBytes ? ToCachedResponse() : null;
    }
}
