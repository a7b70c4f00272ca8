using Asp.Versioning;

namespace ContentApi.Host.Versioning;

/// <summary>
/// Reads a supported API version from the <c>/api/v{version}</c> segment by looking at the path. Asp.Versioning's
/// <see cref="UrlSegmentApiVersionReader"/> finds it by matching every candidate route template against the path, on
/// every request; in the benchmark profile that was most of the routing cost of a cached response. Anything else (an
/// unknown version, another path) goes to the standard reader, so its answers (a 404 for an unknown version, the
/// version described as a path parameter in the documents) are unchanged.
/// </summary>
internal sealed class ApiVersionPathReader : UrlSegmentApiVersionReader
{
    private const string Prefix = "/api/v";

    private static readonly Dictionary<string, string[]> SupportedSegments = ApiVersions.Supported
        .SelectMany(v => new[] { ApiVersions.DocumentName(v)[1..], v.ToString() })
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(segment => segment, segment => new[] { segment }, StringComparer.Ordinal);

    public override IReadOnlyList<string> Read(HttpRequest request) =>
        Segment(request.Path) is { } segment && SupportedSegments.TryGetValue(segment, out var version) ? version : base.Read(request);

    /// <summary>What the path gives as its version (<c>2</c> in <c>/api/v2/topics</c>), or null when it is not under <c>/api/v</c>.</summary>
    public static string? Segment(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = value.IndexOf('/', Prefix.Length);
        return end < 0 ? value[Prefix.Length..] : value[Prefix.Length..end];
    }

    /// <summary>True when <paramref name="segment"/> names a version this host serves (<c>2</c> or <c>2.0</c>).</summary>
    public static bool IsSupported(string segment) => SupportedSegments.ContainsKey(segment);
}
