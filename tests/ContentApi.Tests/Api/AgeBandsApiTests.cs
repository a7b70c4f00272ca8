using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

public sealed class AgeBandsApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Lists_the_four_bands_youngest_first(string version)
    {
        var bands = await (await _client.GetAsync($"/api/{version}/age-bands")).JsonAsync();

        Assert.Equal(["4-7", "8-10", "11-13", "14-17"], bands.Ids());
        Assert.Equal(8, bands[1].GetProperty("ageRange").GetProperty("min").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Gets_one_band(string version)
    {
        var band = await (await _client.GetAsync($"/api/{version}/age-bands/11-13")).JsonAsync();

        Assert.Equal("11-13", band.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(band.GetProperty("label").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Gives_advice_for_every_core_topic_and_both_audiences(string version)
    {
        var advice = await (await _client.GetAsync($"/api/{version}/age-bands/8-10/advice")).JsonAsync();

        Assert.Equal(8, advice.GetArrayLength());
        Assert.All(advice.EnumerateArray(), a =>
        {
            Assert.Equal("8-10", a.GetProperty("ageBand").GetString());
            Assert.NotEmpty(a.GetProperty("whatToDo").EnumerateArray());
        });
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Filters_advice_by_topic_and_audience(string version)
    {
        var advice = await (await _client.GetAsync($"/api/{version}/age-bands/14-17/advice?topic=sextortion&audience=young-people")).JsonAsync();

        Assert.Equal(["14-17-sextortion-young-people"], advice.Ids());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Unknown_band_is_a_404_problem(string version)
    {
        await (await _client.GetAsync($"/api/{version}/age-bands/99-100")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/{version}/age-bands/99-100/advice")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
