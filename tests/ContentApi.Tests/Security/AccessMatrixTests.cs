using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

/// <summary>Who may call what: every kind of credential against a public and an admin route, in every API version.</summary>
public sealed class AccessMatrixTests : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client;

    public AccessMatrixTests(DefaultHost host) => _client = host.CreateClient();

    public static TheoryData<string, string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        foreach (var version in ((IEnumerable<object[]>)ApiVersionsData.All).Select(row => (string)row[0]))
        {
            var publicRoute = $"/api/{version}/contacts";
            data.Add(version, "none", publicRoute, HttpStatusCode.OK);
            data.Add(version, "partner", publicRoute, HttpStatusCode.OK);
            data.Add(version, "admin", publicRoute, HttpStatusCode.OK);
            data.Add(version, "revoked", publicRoute, HttpStatusCode.Unauthorized);
            data.Add(version, "unknown", publicRoute, HttpStatusCode.Unauthorized);
            data.Add(version, "partner-in-query", publicRoute, HttpStatusCode.Unauthorized);
            data.Add(version, "none", "/admin/status", HttpStatusCode.Unauthorized);
            data.Add(version, "partner", "/admin/status", HttpStatusCode.Forbidden);
            data.Add(version, "admin", "/admin/status", HttpStatusCode.OK);
            data.Add(version, "revoked", "/admin/status", HttpStatusCode.Unauthorized);
            data.Add(version, "unknown", "/admin/status", HttpStatusCode.Unauthorized);
            data.Add(version, "admin-in-query", "/admin/status", HttpStatusCode.Unauthorized);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_credential_gets_the_right_answer_on_public_and_admin_routes(string version, string credential, string route, HttpStatusCode expected)
    {
        Assert.StartsWith("v", version, StringComparison.Ordinal);
        using var request = Request(credential, route);
        using var response = await _client.SendAsync(request);

        if (expected == HttpStatusCode.OK)
        {
            await response.JsonAsync();
        }
        else
        {
            await response.ProblemAsync(expected);
        }
    }

    private static HttpRequestMessage Request(string credential, string route) => credential switch
    {
        "none" => new HttpRequestMessage(HttpMethod.Get, route),
        "partner" => new HttpRequestMessage(HttpMethod.Get, route).WithKey(TestKeys.Partner),
        "admin" => new HttpRequestMessage(HttpMethod.Get, route).WithKey(TestKeys.Admin),
        "revoked" => new HttpRequestMessage(HttpMethod.Get, route).WithKey(TestKeys.Revoked),
        "unknown" => new HttpRequestMessage(HttpMethod.Get, route).WithKey("a-key-nobody-issued-0123456789"),
        "partner-in-query" => new HttpRequestMessage(HttpMethod.Get, $"{route}?api_key={TestKeys.Partner}"),
        "admin-in-query" => new HttpRequestMessage(HttpMethod.Get, $"{route}?key={TestKeys.Admin}"),
        _ => throw new ArgumentOutOfRangeException(nameof(credential), credential, null),
    };
}
