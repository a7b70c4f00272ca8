using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using ZiggyCreatures.Caching.Fusion;

namespace ContentApi.Host.Caching;

/// <summary>
/// Caches what plugins fetch from remote sources through <see cref="Abstractions.PluginContext.HttpClient"/>: every GET
/// goes through both cache levels, so many instances (re)loading at once call the source once, concurrent loads of one
/// address make one call, and when the source fails or is slow the last good copy is served (stale-if-error) and the
/// failure is logged. Cached copies carry <c>Date</c> (when fetched) and <c>Age</c>, as an HTTP cache would.
/// </summary>
internal sealed partial class RemoteSourceCacheHandler(
    IFusionCache cache,
    ContentApiMetrics metrics,
    IOptions<CachingOptions> options,
    TimeProvider time,
    ILogger<RemoteSourceCacheHandler> logger) : DelegatingHandler
{
    public const string MetricsCacheName = "remote-sources";

    private readonly FusionCacheEntryOptions _entryOptions = CachingSetup.RemoteSourceEntryOptions(options.Value);

    // Revalidation reads neither level, so there is no copy to fall back on: the source's answer or error goes through.
    private readonly FusionCacheEntryOptions _revalidateOptions = CachingSetup.RemoteSourceEntryOptions(options.Value)
        .SetSkipMemoryCacheRead(true)
        .SetSkipDistributedCacheRead(true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { IsAbsoluteUri: true } uri || request.Headers.Authorization is not null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var revalidate = RemoteSourceRevalidation.IsRequested || request.Headers.CacheControl?.NoCache == true;
        string? failure = null;
        RemoteResponse? failedAnswer = null;
        bool started = false, finished = false;
        RemoteResponse copy;
        try
        {
            copy = await cache.GetOrSetAsync<RemoteResponse>(
                "src|" + uri.AbsoluteUri,
                async (factory, token) =>
                {
                    started = true;
                    try
                    {
                        var fetched = await FetchAsync(uri, request.Headers.Accept, token).ConfigureAwait(false);
                        if (fetched.IsSuccess)
                        {
                            factory.Options.Size = fetched.Body.Length;
                            return fetched;
                        }

                        failedAnswer = fetched;
                        failure = $"it answered {fetched.StatusCode}";
                        return factory.Fail(failure);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        failure = ex.Message;
                        throw;
                    }
                    finally
                    {
                        finished = true;
                    }
                },
                revalidate ? _revalidateOptions : _entryOptions,
                [CacheTags.Source(uri)],
                cancellationToken).ConfigureAwait(false);
        }
        catch (FusionCacheFactoryException) when (failedAnswer is not null)
        {
            // The source answered with an error and there is no earlier copy: pass its answer on, uncached.
            LogNoCopy(uri, failure!);
            return failedAnswer.ToResponseMessage(request, time.GetUtcNow());
        }
        catch (Exception) when (failure is not null)
        {
            LogNoCopy(uri, failure);
            throw;
        }

        if (started)
        {
            metrics.RecordCacheMiss(MetricsCacheName);
        }
        else
        {
            metrics.RecordCacheHit(MetricsCacheName);
        }

        if (failure is not null && !revalidate)
        {
            LogServingLastGoodCopy(uri, failure, copy.FetchedAt);
        }
        else if (started && !finished)
        {
            LogSlowSource(uri, options.Value.RemoteSources.SlowSourceTimeout.TotalSeconds, copy.FetchedAt);
        }

        return copy.ToResponseMessage(request, time.GetUtcNow());
    }

    private async Task<RemoteResponse> FetchAsync(Uri uri, HttpHeaderValueCollection<MediaTypeWithQualityHeaderValue> accept, CancellationToken token)
    {
        // A request of our own: the caller's may be gone by the time a slow fetch completes in the background.
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var value in accept)
        {
            request.Headers.Accept.Add(value);
        }

        using var response = await base.SendAsync(request, token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
        return new RemoteResponse(
            (int)response.StatusCode,
            body,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.Date ?? time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote source {Uri} failed ({Reason}); serving the last good copy, fetched {FetchedAt:u}")]
    private partial void LogServingLastGoodCopy(Uri uri, string reason, DateTimeOffset fetchedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote source {Uri} is slower than {Seconds} s; serving the copy fetched {FetchedAt:u} while the fetch finishes in the background")]
    private partial void LogSlowSource(Uri uri, double seconds, DateTimeOffset fetchedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote source {Uri} failed ({Reason}) and no earlier copy is cached")]
    private partial void LogNoCopy(Uri uri, string reason);
}

/// <summary>
/// An explicit reload asks the remote sources again instead of taking a fresh copy from the cache, and sees their
/// errors instead of the last good copy, so the plugin report tells the admin what the source said. The fresh answer
/// still goes into the cache for the other instances. A request can ask for the same with <c>Cache-Control: no-cache</c>.
/// </summary>
internal static class RemoteSourceRevalidation
{
    private static readonly AsyncLocal<bool> Requested = new();

    public static bool IsRequested => Requested.Value;

    /// <summary>Until disposed, remote-source requests made in this flow (a plugin's load) revalidate.</summary>
    public static IDisposable Begin()
    {
        Requested.Value = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Requested.Value = false;
    }
}

/// <summary>A remote source's answer as the caches hold it.</summary>
internal sealed record RemoteResponse(int StatusCode, byte[] Body, string? ContentType, DateTimeOffset FetchedAt)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public HttpResponseMessage ToResponseMessage(HttpRequestMessage request, DateTimeOffset now)
    {
        var content = new ByteArrayContent(Body);
        if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var mediaType))
        {
            content.Headers.ContentType = mediaType;
        }

        var response = new HttpResponseMessage((HttpStatusCode)StatusCode) { Content = content, RequestMessage = request };
        response.Headers.Date = FetchedAt;
        response.Headers.Age = now > FetchedAt ? now - FetchedAt : TimeSpan.Zero;
        return response;
    }
}

/// <summary>
/// Keeps the calls that do reach a remote host under its published rate limit (data.police.uk allows 15 per second),
/// however many plugins and loads share it. Below the cache, so cached answers cost nothing.
/// </summary>
internal sealed class RemoteSourceRateLimitHandler(RemoteSourceRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(request.RequestUri?.Authority ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One token bucket per remote host, shared by every handler instance the HTTP client factory creates.</summary>
internal sealed class RemoteSourceRateLimiter(IOptions<CachingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(host =>
    {
        var perSecond = Math.Max(1, options.Value.RemoteSources.MaxRequestsPerSecondPerHost);
        return RateLimitPartition.GetTokenBucketLimiter(host, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });

    public ValueTask<RateLimitLease> AcquireAsync(string host, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(host, 1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
