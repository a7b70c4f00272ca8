using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace ContentApi.Host.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against hashed keys in configuration, in constant time. No key is
/// anonymous; a wrong or revoked key is a 401 on every route, so a partner learns at once that their key is bad.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<ApiKeyOptions> keys,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "key_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        string? matchedId = null;
        ApiKeyEntry? matched = null;
        foreach (var (id, entry) in keys.CurrentValue.Keys)
        {
            // Compare against every key so timing says nothing about which (if any) matched.
            if (TryParseHash(entry.Hash, out var stored) && CryptographicOperations.FixedTimeEquals(presented, stored) && matched is null)
            {
                matchedId = id;
                matched = entry;
            }
        }

        if (matched is null)
        {
            LogUnknownKey(Logger);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not recognised."));
        }

        if (matched.Revoked)
        {
            LogRevokedKey(Logger, matchedId!);
            return Task.FromResult(AuthenticateResult.Fail("The API key has been revoked."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(KeyIdClaim, matchedId!), new Claim(ClaimTypes.Name, matchedId!), new Claim(ClaimTypes.Role, matched.Role)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            $"Send a valid API key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden",
            "This API key may not use this endpoint.");

    private static bool TryParseHash(string hex, out byte[] hash)
    {
        try
        {
            hash = Convert.FromHexString(hex);
            return hash.Length == SHA256.HashSizeInBytes;
        }
        catch (FormatException)
        {
            hash = [];
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unrecognised API key was presented")]
    private static partial void LogUnknownKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoked API key {KeyId} was presented")]
    private static partial void LogRevokedKey(ILogger logger, string keyId);
}
