using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace ContentApi.Tests.Security;

/// <summary>
/// Contract-driven property test: requests are generated from every operation and parameter in the committed
/// contracts (openapi/v1.json and v2.json), with values ranging from valid to hostile (out of range, wrong type,
/// over-long, injection strings, odd Unicode, malformed percent-encoding), plus stray parameters, methods and headers.
/// Whatever arrives, the API must answer without a 5xx, and every 4xx must be an RFC 9457 problem. CsCheck prints the
/// seed of a failing run; set CsCheck_Seed to replay it.
/// </summary>
public sealed class HostileInputPropertyTests(HostileInputPropertyTests.QuietHost api, ITestOutputHelper output)
    : IClassFixture<HostileInputPropertyTests.QuietHost>
{
    private const int Requests = 10_000;

    private static readonly string[] Hostile =
    [
        "", " ", "'", "\"", "\\", "<script>alert(1)</script>", "../../../etc/passwd", "..\\..\\web.config", "' OR '1'='1",
        "1; DROP TABLE items--", "${jndi:ldap://x/a}", "{{7*7}}", "%", "\u202Eevil", "😀", "İ", "ǅ", "\uFFFF", "\uD800", "\0", "\t",
        "-1", "-0", "0", "1e309", "NaN", "Infinity", "0x10", "2147483647", "2147483648", "-2147483649", "99999999999999999999",
        "1.5", "1,5", "true", "null", "[]", "{}", "en-GB", "cy-GB", "EN-gb", "gloucestershire", "sharing-nudes", "11-13",
        "childline", "parents-carers", "http://169.254.169.254/", new string('a', 101), new string('9', 400), new string('x', 3000),
    ];

    // Sent as is, not percent-encoded: malformed escapes and overlong UTF-8.
    private static readonly string[] RawEscapes = ["%", "%%", "%zz", "%C0%AF", "%FF%FE", "%E2%80", "%00", "a%2", "+%2B+"];

    private static readonly string[] StrayNames = ["foo", "page[size]", "__proto__", "AGE", "q[]", "%ZZ", "sort", "fields", "expand"];

    [Fact]
    public async Task Any_request_built_from_the_contracts_gets_no_5xx_and_every_4xx_is_a_problem()
    {
        var operations = new[] { "v1", "v2" }.SelectMany(Operations).ToList();
        Assert.True(operations.Count >= 18, $"Only {operations.Count} operations found in the contracts.");
        var sent = 0;
        var client = api.CreateClient();

        await Check.SampleAsync(
                Gen.Int[0, operations.Count - 1].SelectMany(i => RequestFor(operations[i])),
                async request =>
                {
                    Interlocked.Increment(ref sent);
                    using var message = request.ToMessage();
                    using var response = await client.SendAsync(message);
                    await AssertWellFormedAsync(request, response);
                },
                iter: Requests,
                threads: 2,
                print: r => r.ToString())
            .WaitAsync(TimeSpan.FromMinutes(5));

        output.WriteLine($"{sent} requests over {operations.Count} operations");
        Assert.True(sent >= Requests, $"Only {sent} requests were sent.");
    }

    private static async Task AssertWellFormedAsync(GeneratedRequest request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(status < 500, $"{request} -> {status}: {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (status >= 400)
        {
            Assert.True(mediaType == "application/problem+json", $"{request} -> {status} as {mediaType}: {body}");
            if (request.Method != "HEAD")
            {
                var problem = JsonNode.Parse(body)!;
                Assert.Equal(status, problem["status"]!.GetValue<int>());
                Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), $"{request}: problem without a title");
            }
        }
        else if (request.Method != "HEAD" && status != 204)
        {
            Assert.True(mediaType is "application/json" or "text/markdown", $"{request} -> {status} as {mediaType}");
        }
    }

    private static IEnumerable<Operation> Operations(string version)
    {
        var contract = JsonNode.Parse(File.ReadAllText(Repository.ContractPath(version)))!;
        foreach (var (path, item) in contract["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => new Parameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .ToList();
                yield return new Operation(method.ToUpperInvariant(), path, parameters);
            }
        }
    }

    private static Gen<GeneratedRequest> RequestFor(Operation operation)
    {
        var start = Gen.Select(Method(operation.Method), Header(), Gen.Int[0, 19], (method, header, key) =>
            new GeneratedRequest(method, operation.PathTemplate, [], header.Name, header.Value, Key(key)));
        return operation.Parameters.Aggregate(start, (request, parameter) => parameter.In == "path"
                ? Gen.Select(request, Value(parameter.Schema), (r, value) => r with { Path = r.Path.Replace("{" + parameter.Name + "}", Encode(value.Replace("\0", string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal) })
                : Gen.Select(request, Gen.Int[0, 9], Value(parameter.Schema), Gen.OneOf(RawEscapes), (r, dice, value, raw) => dice switch
                {
                    < 4 => r,
                    < 8 => r with { Query = [.. r.Query, $"{parameter.Name}={Encode(value)}"] },
                    8 => r with { Query = [.. r.Query, $"{parameter.Name}={raw}"] },
                    _ => r with { Query = [.. r.Query, $"{parameter.Name}={Encode(value)}", $"{parameter.Name}={Encode(value + "1")}"] },
                }))
            .SelectMany(r => Gen.Select(Gen.Int[0, 9], Gen.OneOf(StrayNames), Gen.OneOf(Hostile), (dice, name, value) =>
                dice == 0 ? r with { Query = [.. r.Query, $"{Encode(name)}={Encode(value)}"] } : r));
    }

    private static Gen<string> Method(string documented) =>
        Gen.Frequency((90, Gen.Const(documented)), (3, Gen.Const("HEAD")), (7, Gen.OneOf("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")));

    private static Gen<(string? Name, string? Value)> Header() => Gen.Frequency(
        (6, Gen.Const<(string?, string?)>((null, null))),
        (1, Gen.OneOf("application/json", "text/html", "application/xml", "*/*", "application/problem+json", "text/plain;q=0").Select(v => ((string?)"Accept", (string?)v))),
        (1, Gen.OneOf("abc-123", "x", new string('r', 65), "<id>", "a b", "😀", "..").Select(v => ((string?)"X-Request-Id", (string?)v))),
        (1, Gen.OneOf("https://evil.example", "null", "https://www.partner.example.org").Select(v => ((string?)"Origin", (string?)v))),
        (1, Gen.OneOf("en-GB", "*", "xx;q=abc").Select(v => ((string?)"Accept-Language", (string?)v))));

    private static string? Key(int dice) => dice switch
    {
        0 => TestKeys.Partner,
        1 => TestKeys.Revoked,
        2 => "not-a-key",
        3 => new string('k', 300),
        _ => null,
    };

    private static Gen<string> Value(JsonNode? schema)
    {
        var hostile = Gen.OneOf(Hostile);
        var random = Gen.String[Gen.Char, 0, 120];
        if (schema?["enum"] is JsonArray values)
        {
            return Gen.Frequency((3, Gen.OneOf(values.Select(v => v!.GetValue<string>()).ToArray())), (1, hostile), (1, random));
        }

        if (schema?["type"]?.GetValue<string>() == "integer")
        {
            var min = (int)Math.Max(int.MinValue, schema["minimum"]?.GetValue<double>() ?? 0);
            var max = (int)Math.Min(int.MaxValue, schema["maximum"]?.GetValue<double>() ?? 1000);
            return Gen.Frequency(
                (3, Gen.Int[min, Math.Min(max, min + 200)].Select(i => i.ToString(CultureInfo.InvariantCulture))),
                (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
                (1, hostile));
        }

        var idLike = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 40];
        return Gen.Frequency((2, idLike), (2, hostile), (1, random));
    }

    // Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client would send it).
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private sealed record Operation(string Method, string PathTemplate, IReadOnlyList<Parameter> Parameters);

    private sealed record Parameter(string Name, string In, JsonNode? Schema);

    private sealed record GeneratedRequest(string Method, string Path, string[] Query, string? HeaderName, string? HeaderValue, string? ApiKey)
    {
        public string Url => Query.Length == 0 ? Path : $"{Path}?{string.Join('&', Query)}";

        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Url);
            if (HeaderName is not null)
            {
                message.Headers.TryAddWithoutValidation(HeaderName, HeaderValue);
            }

            if (ApiKey is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
            }

            return message;
        }

        public override string ToString() =>
            $"{Method} {Url}" + (HeaderName is null ? string.Empty : $" [{HeaderName}: {HeaderValue}]") + (ApiKey is null ? string.Empty : " [X-Api-Key]");
    }

    /// <summary>The real API with keys, and logs quiet: ten thousand hostile requests would otherwise log thousands of warnings.</summary>
    public sealed class QuietHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) => options.WithSettings(
            ("Logging:LogLevel:Default", "Error"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Error"),
            ("Cors:PartnerOrigins:0", "https://www.partner.example.org"));
    }
}
