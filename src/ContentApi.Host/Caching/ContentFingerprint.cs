using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace ContentApi.Host.Caching;

/// <summary>
/// What the cache needs to know about one content snapshot: a fingerprint of everything that can appear in a response
/// (so a reload can never serve stale content: the keys change with the content), and the cache tags of each resource
/// kind. Two instances that loaded the same plugins get the same fingerprint, so they share Redis entries.
/// </summary>
internal sealed class SnapshotCacheInfo
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string[]> _tagsByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _kindTagsByPlugin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringValues> _surrogateKeysByKind = new(StringComparer.Ordinal);

    public SnapshotCacheInfo(ContentSnapshot snapshot)
    {
        Fingerprint = ComputeFingerprint(snapshot);
        Locales = snapshot.Locales;
        // Distinct: a refused duplicate shares its id with the plugin that was loaded.
        var kindsByPlugin = snapshot.Plugins.Select(p => p.Report.Id).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, _ => new SortedSet<string>(StringComparer.Ordinal) { CacheTags.UnmappedKind }, StringComparer.Ordinal);
        foreach (var (kind, plugins) in PluginsByKind(snapshot))
        {
            _tagsByKind[kind] = [CacheTags.Kind(kind)];
            foreach (var plugin in plugins)
            {
                kindsByPlugin[plugin.Id].Add(CacheTags.Kind(kind));
            }
        }

        foreach (var (plugin, kinds) in kindsByPlugin)
        {
            _kindTagsByPlugin[plugin] = [.. kinds];
        }

        foreach (var (kind, tags) in _tagsByKind)
        {
            _surrogateKeysByKind[kind] = SurrogateKeys(tags);
        }
    }

    public string Fingerprint { get; }

    /// <summary>The locales content exists in: a response's language is one of these, whatever Accept-Language says.</summary>
    public IReadOnlyList<string> Locales { get; }

    /// <summary>
    /// The tags of a response: its kind only, because FusionCache checks every tag of an entry on every hit. A purge of
    /// a plugin's tag purges the kinds that plugin supplies (<see cref="ExpandPurgeTags"/>), which reaches every response
    /// its items could appear in.
    /// </summary>
    public string[] TagsFor(string kind) =>
        _tagsByKind.TryGetValue(kind, out var tags) ? tags : [CacheTags.Kind(kind), CacheTags.UnmappedKind];

    /// <summary>
    /// The <c>Surrogate-Key</c> of a shared response: <see cref="CacheTags.Everything"/> and its tags, so an edge cache
    /// in front drops it on the same purges as this API's own cache (<see cref="EdgeCachePurger"/>). Built once per kind.
    /// </summary>
    public StringValues SurrogateKeysFor(string kind) =>
        _surrogateKeysByKind.TryGetValue(kind, out var keys) ? keys : SurrogateKeys(TagsFor(kind));

    /// <summary>Replaces each <c>plugin:</c> tag with the kind tags of what that plugin supplies; other tags stay.</summary>
    public IReadOnlyList<string> ExpandPurgeTags(IEnumerable<string> tags) => tags
        .SelectMany(tag => tag.StartsWith(CacheTags.PluginPrefix, StringComparison.Ordinal)
            && _kindTagsByPlugin.TryGetValue(tag[CacheTags.PluginPrefix.Length..], out var kinds) ? kinds : [tag])
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static StringValues SurrogateKeys(string[] tags) => $"{CacheTags.Everything} {string.Join(' ', tags)}";

    private static IEnumerable<(string Kind, IEnumerable<PluginReport> Plugins)> PluginsByKind(ContentSnapshot s)
    {
        foreach (var group in s.Kinds.All.Where(k => k.CacheTag is not null).GroupBy(k => k.CacheTag!, StringComparer.Ordinal))
        {
            var suppliers = group.SelectMany(kind => s.Of(kind).Select(e => e.Plugin));
            // A force's entry names the plugins that supply its local content, so those plugins feed the forces too.
            yield return (group.Key, group.Contains(BuiltInKinds.Force)
                ? suppliers.Concat(s.Plugins.Where(p => p.Report.Manifest?.ForceId is not null).Select(p => p.Report))
                : suppliers);
        }

        yield return ("plugins", s.Plugins.Select(p => p.Report));
    }

    private static string ComputeFingerprint(ContentSnapshot snapshot)
    {
        // Everything a response can show, and nothing that differs between instances (folders, load timings).
        var identity = snapshot.Plugins.Select(p => new
        {
            p.Report.Id,
            p.Report.Manifest,
            p.Report.Kind,
            Status = snapshot.StatusOf(p.Report),
            Problems = snapshot.ProblemsOf(p.Report),
            // Each item as its own type (declared kinds included), so every field a response can show counts.
            Items = snapshot.Kinds.ItemsIn(p.Content).Select(e => new { Kind = e.Kind.Name, Item = (object)e.Item }),
        });
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            JsonSerializer.Serialize(hashing, identity, FingerprintJson);
        }

        return System.Buffers.Text.Base64Url.EncodeToString(sha.Hash.AsSpan(0, 12));
    }
}

/// <summary>
/// What the current responses depend on besides the request: the content snapshot and, because review status is
/// worked out against today's date and the review settings, the day and those settings.
/// </summary>
/// <param name="Snapshot">The snapshot's fingerprint and tags.</param>
/// <param name="KeyPrefix">Starts every response key: content fingerprint, day and review settings.</param>
internal sealed record CacheScope(SnapshotCacheInfo Snapshot, string KeyPrefix);

/// <summary>Finds the <see cref="CacheScope"/> of this moment, computing a snapshot's fingerprint once per snapshot.</summary>
internal sealed class ContentFingerprints(ContentStore store, TimeProvider time, IOptionsMonitor<ReviewOptions> reviews)
{
    private readonly ConditionalWeakTable<ContentSnapshot, Lazy<SnapshotCacheInfo>> _bySnapshot = [];
    private volatile Moment? _last;

    public CacheScope Current
    {
        get
        {
            var snapshot = store.Current;
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var settings = reviews.CurrentValue;
            var last = _last;
            if (last is not null && ReferenceEquals(last.Snapshot, snapshot) && last.Today == today && ReferenceEquals(last.Settings, settings))
            {
                return last.Scope;
            }

            var info = _bySnapshot.GetValue(snapshot, s => new Lazy<SnapshotCacheInfo>(() => new SnapshotCacheInfo(s))).Value;
            var scope = new CacheScope(info, $"{info.Fingerprint}:{today:yyyyMMdd}:{SettingsHash(settings)}");
            _last = new Moment(snapshot, today, settings, scope);
            return scope;
        }
    }

    private static string SettingsHash(ReviewOptions settings) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings)).AsSpan(0, 4));

    private sealed record Moment(ContentSnapshot Snapshot, DateOnly Today, ReviewOptions Settings, CacheScope Scope);
}

/// <summary>The tags cache entries carry; <c>POST /admin/cache/purge</c> accepts them.</summary>
internal static class CacheTags
{
    public const string KindPrefix = "kind:";
    public const string PluginPrefix = "plugin:";
    public const string SourcePrefix = "source:";

    /// <summary>Carried by responses of a kind this class has no plugin mapping for, so any plugin purge reaches them.</summary>
    public const string UnmappedKind = KindPrefix + "unmapped";

    /// <summary>Carried by every shared response as a surrogate key: purging it empties an edge cache of this API.</summary>
    public const string Everything = "contentapi";

    public static string Kind(string kind) => KindPrefix + kind;

    /// <summary>Whether responses carry the tag as a surrogate key (remote sources' tags are on their copies only).</summary>
    public static bool IsSurrogateKey(string tag) => tag.StartsWith(KindPrefix, StringComparison.Ordinal);

    public static string Source(Uri uri) => SourcePrefix + uri.Authority.ToLowerInvariant();
}
