using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Caching;

/// <summary>HTTP caching as partners' browsers and CDNs see it, on the embedded default (memory cache, no Redis).</summary>
public sealed class HttpCachingTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Content_responses_carry_a_strong_etag_and_public_cache_headers(string version)
    {
        var response = await _client.GetAsync($"/api/{version}/guidance/what-is-sharing-nudes");
        await response.JsonAsync();

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), cacheControl.MaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "600");
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-if-error" && e.Value == "86400");
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task If_none_match_with_the_current_etag_gets_a_304_without_a_body(string version)
    {
        var url = $"/api/{version}/contacts/childline";
        var etag = (await _client.GetAsync(url)).Headers.ETag!.Tag;

        foreach (var ifNoneMatch in new[] { etag, $"W/{etag}", $"\"something-else\", {etag}", "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var response = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, response.Headers.ETag?.Tag);
            Assert.True(response.Headers.CacheControl?.Public);
            Assert.Contains("Accept-Language", response.Headers.Vary);
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_etag_that_no_longer_matches_gets_the_full_response(string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/topics");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-old-version\""));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.JsonAsync()).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Head_gives_the_get_headers_and_no_body(string version)
    {
        var url = $"/api/{version}/age-bands";
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_repeat_request_is_served_from_memory_with_identical_bytes_and_version_headers(string version)
    {
        var url = $"/api/{version}/guidance/sextortion-what-to-do?force=gloucestershire";
        var first = await _client.GetAsync(url);
        var second = await _client.GetAsync(url);

        Assert.Contains("fwd=miss; stored", first.CacheStatus());
        Assert.Equal("ContentApi; hit", second.CacheStatus());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("1.0, 2.0", string.Join(", ", second.Headers.GetValues("api-supported-versions")));
        Assert.Equal(version == "v1", second.Headers.Contains("Deprecation"));
        Assert.Equal(version == "v1", second.Headers.Contains("Sunset"));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Query_order_and_parameter_name_case_share_one_cache_entry(string version)
    {
        var first = await _client.GetAsync($"/api/{version}/contacts?topic=sextortion&audience=young-people&age=14");
        var reordered = await _client.GetAsync($"/api/{version}/contacts?AGE=14&Audience=young-people&topic=sextortion");

        Assert.True(first.WasRendered());
        Assert.Equal("ContentApi; hit", reordered.CacheStatus());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await reordered.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Accept_language_is_part_of_the_key(string version)
    {
        var url = $"/api/{version}/guidance/talking-to-your-child";
        await _client.GetAsync(url);
        using var welsh = new HttpRequestMessage(HttpMethod.Get, url);
        welsh.Headers.AcceptLanguage.ParseAdd("cy-GB");

        var response = await _client.SendAsync(welsh);

        Assert.True(response.WasRendered(), response.CacheStatus());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Only_bounded_inputs_make_a_key_so_callers_cannot_fill_the_cache_with_copies(string version)
    {
        var url = $"/api/{version}/contacts?age=15&pageSize=7";
        Assert.True((await SendAsync($"{url}&utm_source=one", "cy-GB, en;q=0.5")).WasRendered());

        // A parameter the endpoint does not bind, and another Accept-Language picking the same locale: the same entry.
        Assert.Equal("ContentApi; hit", (await SendAsync($"{url}&utm_source=two&fbclid=x", "cy;q=0.9, x-unknown;q=0.8")).CacheStatus());

        // A free-text search is stored under its exact text (the memory limit bounds how many are kept): a search over a
        // large pack costs far more than a hit.
        var first = await SendAsync($"/api/{version}/guidance?q=grooming", null);
        await first.JsonAsync();
        Assert.True(first.WasRendered(), first.CacheStatus());
        Assert.Equal("ContentApi; hit", (await SendAsync($"/api/{version}/guidance?q=grooming", null)).CacheStatus());
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Errors_are_never_cached_and_are_marked_no_store(string version)
    {
        foreach (var (url, status) in new[] { ($"/api/{version}/guidance/no-such-article", HttpStatusCode.NotFound), ($"/api/{version}/contacts?channel=pigeon", HttpStatusCode.BadRequest) })
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var response = await _client.GetAsync(url);

                await response.ProblemAsync(status);
                Assert.True(response.Headers.CacheControl?.NoStore, $"{url} must be no-store");
                Assert.Null(response.Headers.ETag);
                Assert.True(response.WasRendered(), $"{url} must never be served from a cache: {response.CacheStatus()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_plugins_list_describes_this_instance_so_it_is_revalidated_not_shared(string version)
    {
        var url = $"/api/{version}/plugins";
        var response = await _client.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);

        var revalidated = await _client.SendAsync(again);

        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("fwd=bypass", response.CacheStatus());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_contract_tells_partners_every_content_get_can_answer_304(string version)
    {
        var paths = JsonNode.Parse(await _client.GetStringAsync($"/openapi/{version}.json"))!["paths"]!.AsObject();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.NotNull(path.Value!["get"]!["responses"]!["304"]));
    }
}
