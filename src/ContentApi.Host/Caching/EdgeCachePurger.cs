namespace ContentApi.Host.Caching;

/// <summary>
/// Purges the edge caches configured in <c>Caching:Edge:PurgeTargets</c> whenever this instance drops cached responses:
/// after every content load (everything, since any response may have changed) and for every purge an admin makes
/// (the same tags). Each shared response carries its surrogate keys (<see cref="SnapshotCacheInfo.SurrogateKeysFor"/>),
/// and the edge drops whatever carries a key it is sent. Every instance purges after its own reload, so an edge that
/// refetched from an instance still on the old content is purged again when that instance catches up.
/// </summary>
internal sealed partial class EdgeCachePurger(IHttpClientFactory clients, IOptions<CachingOptions> options, ILogger<EdgeCachePurger> logger) : IDisposable
{
    public const string HttpClientName = "edge-purge";

    /// <summary>The request method Varnish (and the shipped VCL) understands as "drop what carries these keys".</summary>
    public static readonly HttpMethod Ban = new("BAN");

    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();

    private EdgeCacheOptions Edge => options.Value.Edge;

    /// <summary>
    /// Purges every edge now, waiting at most <see cref="EdgeCacheOptions.Timeout"/>, so that when a reload or a purge
    /// answers, the edge already serves what this instance serves. An edge that does not accept is retried in the
    /// background. <paramref name="tags"/> null means everything; tags that no response carries (remote sources) are
    /// not sent.
    /// </summary>
    public async Task PurgeAsync(IReadOnlyList<string>? tags)
    {
        var targets = Edge.Targets.ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var keys = tags is null ? CacheTags.Everything : string.Join(' ', tags.Where(CacheTags.IsSurrogateKey));
        if (keys.Length == 0)
        {
            return;
        }

        await Task.WhenAll(targets.Select(async target =>
        {
            if (!await TrySendAsync(target, keys).ConfigureAwait(false))
            {
                _ = RetryAsync(target, keys);
            }
        })).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RetryAsync(Uri target, string keys)
    {
        var started = Environment.TickCount64;
        var pause = FirstPause;
        try
        {
            while (!_stopping.IsCancellationRequested && Environment.TickCount64 - started < Edge.RetryFor.TotalMilliseconds)
            {
                // Jitter, so instances that failed together do not all retry together.
                await Task.Delay(pause * (0.75 + (Random.Shared.NextDouble() / 2)), _stopping.Token).ConfigureAwait(false);
                if (await TrySendAsync(target, keys).ConfigureAwait(false))
                {
                    LogDeliveredLate(target, keys);
                    return;
                }

                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }

            if (!_stopping.IsCancellationRequested)
            {
                LogGaveUp(target, keys, Edge.RetryFor);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down: an edge that comes back later holds responses for at most their max-age.
        }
    }

    // One warning for a purge the edge did not take, whether it answered with an error or could not be reached: the
    // operator's next step is the same, and the reason tells the two apart.
    private async Task<bool> TrySendAsync(Uri target, string keys)
    {
        string failure;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(Edge.Timeout);
            using var request = new HttpRequestMessage(Ban, target);
            request.Headers.TryAddWithoutValidation(ContentResponseCache.SurrogateKeyHeader, keys);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            failure = $"it answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            if (_stopping.IsCancellationRequested)
            {
                return false;
            }

            failure = ex.Message;
        }

        LogNotTaken(target, keys, failure);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge cache {Target} did not take the purge of {Keys} ({Reason}); retrying in the background")]
    private partial void LogNotTaken(Uri target, string keys, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edge cache {Target} accepted the purge of {Keys} on a retry")]
    private partial void LogDeliveredLate(Uri target, string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Edge cache {Target} did not accept the purge of {Keys} within {RetryFor}; it may serve old responses until they expire")]
    private partial void LogGaveUp(Uri target, string keys, TimeSpan retryFor);
}
