using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ContentApi.Host.Observability;

/// <summary>
/// The API's own metrics, exported with the framework's through OpenTelemetry (Prometheus at <c>/metrics</c>, OTLP when
/// configured). A singleton: inject it and call the Record methods.
/// <list type="bullet">
/// <item><c>contentapi.plugin.load.duration</c> (s): how long each plugin took to load, tagged with its id and status.</item>
/// <item><c>contentapi.cache.lookups</c>: cache lookups by cache name and result (hit or miss).</item>
/// <item><c>contentapi.cache.hit_ratio</c>: hits / lookups since the instance started, per cache name. For a recent
/// ratio, use the counter: <c>sum(rate(contentapi_cache_lookups_total{cache_result="hit"}[5m])) / sum(rate(contentapi_cache_lookups_total[5m]))</c>.</item>
/// </list>
/// </summary>
public sealed class ContentApiMetrics : IDisposable
{
    public const string MeterName = "ContentApi";

    private readonly Meter _meter;
    private readonly Histogram<double> _pluginLoadDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly ConcurrentDictionary<string, CacheCounts> _cacheCounts = new(StringComparer.Ordinal);

    public ContentApiMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _pluginLoadDuration = _meter.CreateHistogram<double>(
            "contentapi.plugin.load.duration", unit: "s", description: "How long a plugin took to load.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _cacheLookups = _meter.CreateCounter<long>("contentapi.cache.lookups", unit: "{lookup}", description: "Cache lookups by result (hit or miss).");
        _meter.CreateObservableGauge("contentapi.cache.hit_ratio", ObserveHitRatios, unit: "1", description: "Cache hits divided by lookups since the instance started.");
    }

    /// <summary>Records one plugin load.</summary>
    public void RecordPluginLoad(string pluginId, string status, TimeSpan duration) =>
        _pluginLoadDuration.Record(duration.TotalSeconds, new TagList { { "plugin.id", pluginId }, { "plugin.status", status } });

    /// <summary>Records a cache lookup that found its entry.</summary>
    public void RecordCacheHit(string cacheName) => RecordCacheLookup(cacheName, hit: true);

    /// <summary>Records a cache lookup that did not.</summary>
    public void RecordCacheMiss(string cacheName) => RecordCacheLookup(cacheName, hit: false);

    public void Dispose() => _meter.Dispose();

    private void RecordCacheLookup(string cacheName, bool hit)
    {
        _cacheLookups.Add(1, new TagList { { "cache.name", cacheName }, { "cache.result", hit ? "hit" : "miss" } });
        var counts = _cacheCounts.GetOrAdd(cacheName, _ => new CacheCounts());
        Interlocked.Increment(ref counts.Lookups);
        if (hit)
        {
            Interlocked.Increment(ref counts.Hits);
        }
    }

    private IEnumerable<Measurement<double>> ObserveHitRatios()
    {
        foreach (var (name, counts) in _cacheCounts)
        {
            var lookups = Interlocked.Read(ref counts.Lookups);
            if (lookups > 0)
            {
                yield return new Measurement<double>(Interlocked.Read(ref counts.Hits) / (double)lookups, new KeyValuePair<string, object?>("cache.name", name));
            }
        }
    }

    private sealed class CacheCounts
    {
        public long Lookups;
        public long Hits;
    }
}
