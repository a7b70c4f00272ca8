using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace ContentApi.Host.Caching;

/// <summary>A rendered response as the caches hold it: the UTF-8 JSON bytes, their strong ETag and the headers to replay.</summary>
/// <param name="Body">The exact bytes sent to clients.</param>
/// <param name="ETag">A strong entity tag of <paramref name="Body"/>.</param>
/// <param name="ContentType">The media type and charset.</param>
/// <param name="Headers">Headers the endpoint set (API version reporting, deprecation) that every copy must carry.</param>
internal sealed record CachedResponse(byte[] Body, string ETag, string ContentType, ResponseHeader[] Headers)
{
    /// <summary>Stands for "rendered, but not to be stored" inside the cache factory; never stored itself.</summary>
    public static CachedResponse NotStorable { get; } = new([], "\"\"", string.Empty, []);

    // The objects around every entry (the memory cache's entry, FusionCache's entry and metadata, this record, its
    // arrays and tags), measured generously, so that many small entries are bounded by the limit as surely as big ones.
    private const int EntryOverheadBytes = 1024;

    public static CachedResponse Create(byte[] body, string contentType, ResponseHeader[] headers) =>
        new(body, StrongETag(body), contentType, headers);

    /// <summary>
    /// What this entry costs in memory under <paramref name="key"/>, for the size limit: the body, every string (two
    /// bytes a character; the key is held by the memory cache and by FusionCache's entry) and the overhead.
    /// </summary>
    public long FootprintBytes(string key)
    {
        long characters = ETag.Length + ContentType.Length + (2L * key.Length);
        foreach (var header in Headers)
        {
            characters += header.Name.Length + header.Values.Sum(v => (long)v.Length);
        }

        return Body.Length + (2 * characters) + EntryOverheadBytes;
    }

    private static string StrongETag(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return $"\"{System.Buffers.Text.Base64Url.EncodeToString(hash[..16])}\"";
    }
}

/// <summary>A response header with all its values.</summary>
internal sealed record ResponseHeader(string Name, string[] Values);

/// <summary>Conditional request matching (RFC 9110 section 13.1.2).</summary>
internal static class EntityTags
{
    /// <summary>
    /// True when <c>If-None-Match</c> names <paramref name="etag"/> or is <c>*</c>. The comparison is weak, as the RFC
    /// requires for If-None-Match, so <c>W/"x"</c> matches <c>"x"</c>.
    /// </summary>
    public static bool IfNoneMatchHits(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            if (header is null)
            {
                continue;
            }

            if (string.Equals(header, etag, StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var range in header.AsSpan().Split(','))
            {
                var candidate = header.AsSpan(range).Trim();
                if (candidate is "*")
                {
                    return true;
                }

                if (candidate.StartsWith("W/", StringComparison.Ordinal))
                {
                    candidate = candidate[2..];
                }

                if (candidate.SequenceEqual(etag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
