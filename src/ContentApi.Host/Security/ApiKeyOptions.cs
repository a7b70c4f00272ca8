namespace ContentApi.Host.Security;

/// <summary>
/// API keys, bound from <c>Security:ApiKeys</c>. Each key is stored only as the SHA-256 hash of its value (hex), under a
/// key id that is the only thing ever logged. Generate a key and its hash with <c>scripts/new-api-key.sh</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Security:ApiKeys";

    /// <summary>Keys by key id, e.g. <c>Security__ApiKeys__ops-admin__Hash</c>.</summary>
    public Dictionary<string, ApiKeyEntry> Keys { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One API key.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>SHA-256 of the key, as 64 hex characters.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary><c>partner</c> (raises rate limits) or <c>admin</c> (admin endpoints).</summary>
    public string Role { get; set; } = ApiKeyRoles.Partner;

    /// <summary>A revoked key is refused with 401.</summary>
    public bool Revoked { get; set; }
}

public static class ApiKeyRoles
{
    public const string Partner = "partner";
    public const string Admin = "admin";
}
