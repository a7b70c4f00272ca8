using System.Text.RegularExpressions;

namespace ContentApi.Host.Features.Admin;

/// <summary>What to purge: everything, or the entries carrying any of the given tags.</summary>
/// <param name="All">True to purge every cached response and remote-source copy.</param>
/// <param name="Tags">Tags such as <c>kind:guidance</c>, <c>plugin:gloucestershire</c> or <c>source:data.police.uk</c>.</param>
public sealed record CachePurgeRequest(bool? All, IReadOnlyList<string>? Tags);

/// <summary>What was purged.</summary>
/// <param name="Scope"><c>all</c> or <c>tags</c>.</param>
/// <param name="Tags">The tags purged (empty for all).</param>
/// <param name="PurgedAt">When.</param>
/// <param name="ReachesOtherInstances">True when the purge is recorded for every other instance, which applies it within a second.</param>
/// <param name="Delivery">
/// <c>this-instance-only</c> (no Redis: a single instance), <c>every-instance</c> (recorded in the shared event log), or
/// <c>queued-until-redis-answers</c> (Redis did not answer: purged here, and recorded for the others once it answers).
/// </param>
public sealed record CachePurgeResult(string Scope, IReadOnlyList<string> Tags, DateTimeOffset PurgedAt, bool ReachesOtherInstances, string Delivery);

/// <summary><c>POST /admin/cache/purge</c>: drops cached responses on every instance (memory and Redis).</summary>
internal static partial class CachePurgeApi
{
    private const int MaxTags = 50;

    public static RouteGroupBuilder MapCachePurge(this RouteGroupBuilder admin)
    {
        admin.MapPost("/cache/purge", PurgeAsync);
        return admin;
    }

    private static async Task<Results<Ok<CachePurgeResult>, ValidationProblem>> PurgeAsync(
        CachePurgeRequest? request,
        SharedCacheEvents events,
        ContentFingerprints fingerprints,
        TimeProvider time,
        HttpContext http,
        ILoggerFactory loggers)
    {
        var tags = request?.Tags?.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var all = request?.All == true;
        if (all == tags.Count > 0)
        {
            return Invalid("request", "send either {\"all\": true} or {\"tags\": [\"kind:guidance\", \"plugin:gloucestershire\", ...]}, not both and not neither.");
        }

        var badTags = tags.Where(t => !TagPattern().IsMatch(t)).ToList();
        if (tags.Count > MaxTags || badTags.Count > 0)
        {
            return Invalid("tags", tags.Count > MaxTags
                ? $"at most {MaxTags} tags per purge; got {tags.Count}."
                : $"{string.Join(", ", badTags.Take(5).Select(t => $"'{(t.Length <= 60 ? t : t[..60])}'"))} is not a cache tag: use kind:<resource>, plugin:<plugin id> or source:<host>.");
        }

        // Not the request's token: once begun, a purge finishes even if the caller goes away.
        var delivery = await events.PurgeAsync(all ? null : fingerprints.Current.Snapshot.ExpandPurgeTags(tags), CancellationToken.None).ConfigureAwait(false);

        var keyId = http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "unknown";
        LogPurged(loggers.CreateLogger(typeof(CachePurgeApi)), keyId, all ? "everything" : string.Join(", ", tags));
        return TypedResults.Ok(new CachePurgeResult(
            all ? "all" : "tags", tags, time.GetUtcNow(), delivery == EventDelivery.EveryInstance, EnumText.ToText(delivery)));
    }

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "The purge request is not valid.",
        detail: message);

    [GeneratedRegex("^(kind|plugin):[a-z0-9][a-z0-9-]{0,99}$|^source:[a-z0-9][a-z0-9.:-]{0,252}$")]
    private static partial Regex TagPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache purge by admin key {KeyId}: {Scope}")]
    private static partial void LogPurged(ILogger logger, string keyId, string scope);
}
