using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Tests.Infrastructure;

/// <summary>API keys for tests, configured the way production stores them: only their SHA-256 hashes.</summary>
public static class TestKeys
{
    public const string Admin = "test-admin-key-0123456789";
    public const string Partner = "test-partner-key-0123456789";
    public const string Revoked = "test-revoked-key-0123456789";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Security:ApiKeys:ops-admin:Hash"] = Hash(Admin),
            ["Security:ApiKeys:ops-admin:Role"] = "admin",
            ["Security:ApiKeys:partner-site:Hash"] = Hash(Partner),
            ["Security:ApiKeys:partner-site:Role"] = "partner",
            ["Security:ApiKeys:old-partner:Hash"] = Hash(Revoked),
            ["Security:ApiKeys:old-partner:Role"] = "partner",
            ["Security:ApiKeys:old-partner:Revoked"] = "true",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
