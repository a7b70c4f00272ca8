using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Tests.Webhooks;

/// <summary>The receiver's check exactly as docs/webhooks.md shows it (WebhookDocsTests keeps the two the same).</summary>
public static class StandardWebhookVerifier
{
    // docs:begin
    public static bool Verify(string secret, string id, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        // Refuse old or future messages, so a captured request cannot be replayed later.
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

        // The header may carry several space-separated signatures (while a secret is rotated); one must match.
        return signatures.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
    // docs:end
}
