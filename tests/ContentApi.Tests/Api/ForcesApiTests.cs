using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

/// <summary>The police forces directory from the forces plugin's shipped snapshot (no upstream configured).</summary>
public sealed class ForcesApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Forces_honour_locale_like_every_other_resource(string version)
    {
        var list = await _client.GetAsync($"/api/{version}/forces?locale=cy-GB");
        var one = await _client.GetAsync($"/api/{version}/forces/gwent?locale=cy-GB");
        using var header = new HttpRequestMessage(HttpMethod.Get, $"/api/{version}/forces/gwent");
        header.Headers.AcceptLanguage.ParseAdd("cy");
        var byHeader = await (await _client.SendAsync(header)).JsonAsync();

        // No force is translated yet: each says it was asked for Welsh and is served in English.
        Assert.All((await list.JsonAsync()).EnumerateArray(), f =>
        {
            Assert.Equal("cy-GB", f.GetProperty("requestedLocale").GetString());
            Assert.True(f.GetProperty("fallback").GetBoolean());
        });
        var gwent = await one.JsonAsync();
        Assert.Equal(("cy-GB", true), (gwent.GetProperty("requestedLocale").GetString(), gwent.GetProperty("fallback").GetBoolean()));
        Assert.Equal("cy-GB", byHeader.GetProperty("requestedLocale").GetString());
        Assert.Contains("Accept-Language", list.Headers.Vary);
        Assert.Equal("en-GB", list.Content.Headers.ContentLanguage.Single());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Lists_the_44_data_police_uk_forces_and_police_scotland(string version)
    {
        var forces = await (await _client.GetAsync($"/api/{version}/forces")).JsonAsync();

        var ids = forces.Ids().ToList();
        Assert.Equal(45, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("police-scotland", ids);
        Assert.Contains("northern-ireland", ids);
        Assert.Contains("city-of-london", ids);
        Assert.All(forces.EnumerateArray(), f =>
        {
            Assert.Equal("101", f.GetProperty("telephone").GetString());
            Assert.StartsWith("https://www.", f.GetProperty("website").GetString());
            Assert.EndsWith(".police.uk/", f.GetProperty("website").GetString());
            Assert.Equal("forces", f.GetProperty("provenance").GetProperty("plugin").GetString());
        });
        var welsh = forces.EnumerateArray().Where(f => f.GetProperty("isWelsh").GetBoolean()).Select(f => f.GetProperty("id").GetString());
        Assert.Equal(["dyfed-powys", "gwent", "north-wales", "south-wales"], welsh);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_force_names_the_plugins_that_supply_its_local_content(string version)
    {
        var gloucestershire = await (await _client.GetAsync($"/api/{version}/forces/gloucestershire")).JsonAsync();
        var kent = await (await _client.GetAsync($"/api/{version}/forces/kent")).JsonAsync();

        Assert.Equal("Gloucestershire Constabulary", gloucestershire.GetProperty("name").GetString());
        Assert.Equal("https://www.gloucestershire.police.uk/", gloucestershire.GetProperty("website").GetString());
        Assert.Equal(["gloucestershire"], gloucestershire.GetProperty("localContentPlugins").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(kent.GetProperty("localContentPlugins").EnumerateArray());
        Assert.Equal("data.police.uk", kent.GetProperty("provenance").GetProperty("sourcePublisher").GetString());
        Assert.True(kent.GetProperty("review").TryGetProperty("nextReviewDue", out _));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Police_scotland_is_in_the_directory_although_data_police_uk_does_not_list_it(string version)
    {
        var scotland = await (await _client.GetAsync($"/api/{version}/forces/police-scotland")).JsonAsync();

        Assert.Equal("Police Scotland", scotland.GetProperty("name").GetString());
        Assert.False(scotland.GetProperty("isWelsh").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_unknown_force_is_a_404_problem(string version)
    {
        var problem = await (await _client.GetAsync($"/api/{version}/forces/atlantis")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("atlantis", problem.GetProperty("detail").GetString());
    }
}
