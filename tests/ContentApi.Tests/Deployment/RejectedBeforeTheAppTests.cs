using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Deployment;

/// <summary>
/// Requests Kestrel refuses while parsing, before any middleware exists to see them. Kestrel writes those answers itself
/// with no body and no way to add one (aspnet/KestrelHttpServer#2947), so the security headers and an RFC 9457 body
/// cannot come from the API; nginx in front refuses each of them first, with a problem and the security headers. Each
/// case is sent over a bare socket to a real Kestrel, and through the shipped nginx configuration in front of it.
/// </summary>
public sealed class RejectedBeforeTheAppTests(RejectedBeforeTheAppTests.KestrelBehindNginx edge) : IClassFixture<RejectedBeforeTheAppTests.KestrelBehindNginx>
{
    private const string TwoTransferEncodings = "two Transfer-Encodings beside a Content-Length";

    private static readonly (string Request, int Status)[] RefusedByKestrel =
    [
        ("a 9,000-character path", 414),
        ("an encoded NUL in the path", 400),
        ("a Host that is not a host", 400),
        ("two Content-Lengths", 400),
        ("HTTP/2.0 over cleartext HTTP/1", 505),
    ];

    public static TheoryData<string, int> KestrelRefuses => Data(RefusedByKestrel);

    public static TheoryData<string, int> NginxRefuses => Data([.. RefusedByKestrel, (TwoTransferEncodings, 400)]);

    [Theory]
    [MemberData(nameof(KestrelRefuses))]
    public async Task Kestrel_refuses_it_alone_with_a_bodiless_answer_the_app_never_sees(string request, int status)
    {
        var response = await RawHttp.SendAsync(edge.Host.Address, Write(request));

        Assert.True(response.Status == status, $"{request}: expected {status}, got:\n{response}");
        Assert.Equal("0", response.Header("Content-Length"));
        Assert.Null(response.Header("X-Content-Type-Options"));
        Assert.Null(response.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Kestrel_lets_two_Transfer_Encodings_beside_a_Content_Length_through_so_the_app_answers_with_a_problem()
    {
        // Kestrel drops the Content-Length and reads the body as chunked ("chunked, chunked" ends in chunked); the
        // request reaches the app, whose every answer is a problem with the security headers (here: no admin key).
        var response = await RawHttp.SendAsync(edge.Host.Address, Write(TwoTransferEncodings));

        Assert.True(response.Status == 401, $"expected 401, got:\n{response}");
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Theory]
    [MemberData(nameof(NginxRefuses))]
    public async Task Nginx_refuses_it_first_with_a_problem_and_the_security_headers(string request, int status)
    {
        var response = await RawHttp.SendAsync(edge.Nginx.Address, Write(request));

        NginxEdgeTests.AssertNginxProblem(response, status, request);
    }

    private static TheoryData<string, int> Data(IEnumerable<(string Request, int Status)> cases)
    {
        var data = new TheoryData<string, int>();
        foreach (var (request, status) in cases)
        {
            data.Add(request, status);
        }

        return data;
    }

    private static string Write(string request) => request switch
    {
        "a 9,000-character path" => $"GET /api/v2/{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "an encoded NUL in the path" => "GET /api/v2/topics%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "a Host that is not a host" => "GET /api/v2/topics HTTP/1.1\r\nHost: local host/../\r\nConnection: close\r\n\r\n",
        "two Content-Lengths" => "POST /admin/cache/purge HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{}",
        TwoTransferEncodings => "POST /admin/cache/purge HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{}",
        "HTTP/2.0 over cleartext HTTP/1" => "GET /api/v2/topics HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
    };

    /// <summary>One API on Kestrel and the shipped nginx in front of it; the tests only send refused requests.</summary>
    public sealed class KestrelBehindNginx : SharedHost
    {
        private NginxServer? _nginx;

        public NginxServer Nginx => _nginx ?? throw new InvalidOperationException("nginx has not started.");

        protected override void Configure(TestHostOptions options) => options.OnKestrel();

        protected override async Task WarmUpAsync(TestHost host) => _nginx = await NginxServer.StartAsync(host.Address);

        public override async Task DisposeAsync()
        {
            if (_nginx is not null)
            {
                await _nginx.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
