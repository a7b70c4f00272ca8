using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentApi.Host.Content;

/// <summary>
/// A fingerprint of an item's content: the SHA-256 of its fields (everything a plugin supplied except where the file
/// was read from). The same content gives the same hash on every instance and every load, so partners can tell whether
/// an item changed without comparing it field by field, and the host can tell which items a reload changed.
/// </summary>
internal static class ContentHash
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ConditionalWeakTable<ContentItem, string> Cache = [];

    public static string Of(ContentItem item) => Cache.GetValue(item, Compute);

    private static string Compute(ContentItem item)
    {
        // Origin names a file and line: moving an item between files is not a change of content.
        var content = item with { Origin = null };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content, content.GetType(), Canonical);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
