using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

public sealed class GuidanceApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Lists_national_guidance_with_a_page_envelope(string version)
    {
        var page = await (await _client.GetAsync($"/api/{version}/guidance?pageSize=100")).JsonAsync();

        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
        var ids = page.Items().Ids().ToList();
        Assert.Equal(page.GetProperty("totalItems").GetInt32(), ids.Count);
        Assert.Contains("what-is-sharing-nudes", ids);
        Assert.Contains("sextortion-what-to-do", ids);
        Assert.DoesNotContain("local-sexting-campaign", ids); // a force's local item needs force=
        var first = page.Items()[0];
        Assert.Equal("guidance", first.GetProperty("provenance").GetProperty("plugin").GetString());
        Assert.StartsWith("https://", first.GetProperty("provenance").GetProperty("sourceUrl").GetString());
        Assert.True(first.GetProperty("review").TryGetProperty("nextReviewDue", out _));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Pages_split_the_results_without_overlap(string version)
    {
        var first = await (await _client.GetAsync($"/api/{version}/guidance?pageSize=5&page=1")).JsonAsync();
        var second = await (await _client.GetAsync($"/api/{version}/guidance?pageSize=5&page=2")).JsonAsync();

        Assert.Equal(5, first.Items().GetArrayLength());
        Assert.Empty(first.Items().Ids().Intersect(second.Items().Ids()));
        Assert.Equal((int)Math.Ceiling(first.GetProperty("totalItems").GetInt32() / 5.0), first.GetProperty("totalPages").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Filters_by_audience_topic_and_age(string version)
    {
        var youngPeople = await (await _client.GetAsync($"/api/{version}/guidance?audience=young-people&pageSize=100")).JsonAsync();
        Assert.All(youngPeople.Items().EnumerateArray(), i =>
            Assert.Contains("young-people", i.GetProperty("audiences").EnumerateArray().Select(a => a.GetString())));

        var sextortion = await (await _client.GetAsync($"/api/{version}/guidance?topic=sextortion&pageSize=100")).JsonAsync();
        Assert.NotEmpty(sextortion.Items().EnumerateArray());
        Assert.All(sextortion.Items().EnumerateArray(), i =>
            Assert.Contains("sextortion", i.GetProperty("topics").EnumerateArray().Select(t => t.GetString())));

        var nineYearOlds = (await (await _client.GetAsync($"/api/{version}/guidance?age=9&audience=young-people&pageSize=100")).JsonAsync()).Items().Ids().ToList();
        Assert.Contains("young-people-8-10-nude-pictures", nineYearOlds);
        Assert.DoesNotContain("young-people-14-17-nudes", nineYearOlds);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Filters_by_age_band(string version)
    {
        var ids = (await (await _client.GetAsync($"/api/{version}/guidance?ageBand=14-17&audience=young-people&pageSize=100")).JsonAsync()).Items().Ids().ToList();

        Assert.Contains("young-people-14-17-nudes", ids);
        Assert.Contains("young-people-sextortion", ids); // 11-17 overlaps 14-17
        Assert.DoesNotContain("young-people-8-10-nude-pictures", ids);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Searches_titles_summaries_and_bodies(string version)
    {
        var ids = (await (await _client.GetAsync($"/api/{version}/guidance?q=Outcome%2021&pageSize=100")).JsonAsync()).Items().Ids().ToList();

        Assert.Contains("outcome-21-explained", ids);
        Assert.DoesNotContain("talking-to-your-child", ids);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_force_adds_its_local_guidance(string version)
    {
        var page = await (await _client.GetAsync($"/api/{version}/guidance?force=gloucestershire&pageSize=100")).JsonAsync();
        var local = page.Items().EnumerateArray().Single(i => i.GetProperty("id").GetString() == "local-sexting-campaign");

        Assert.Equal("gloucestershire", local.GetProperty("forceId").GetString());
        Assert.Equal("gloucestershire", local.GetProperty("provenance").GetProperty("plugin").GetString());
        Assert.Contains("what-is-sharing-nudes", page.Items().Ids()); // national items stay

        var otherForce = await (await _client.GetAsync($"/api/{version}/guidance?force=kent&pageSize=100")).JsonAsync();
        Assert.DoesNotContain("local-sexting-campaign", otherForce.Items().Ids());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Gets_one_article_with_its_markdown_body(string version)
    {
        var article = await (await _client.GetAsync($"/api/{version}/guidance/if-an-image-has-been-shared")).JsonAsync();

        Assert.Equal("if-an-image-has-been-shared", article.GetProperty("id").GetString());
        Assert.Equal("en-GB", article.GetProperty("locale").GetString());
        Assert.Contains("##", article.GetProperty("body").GetString());
        Assert.NotEmpty(article.GetProperty("relatedContacts").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Unknown_article_is_a_404_problem(string version)
    {
        var problem = await (await _client.GetAsync($"/api/{version}/guidance/no-such-article")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-article", problem.GetProperty("detail").GetString());
    }
}
