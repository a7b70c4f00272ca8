using System.Net;
using ContentApi.Host.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Search;

public sealed class RankedSearchTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private sealed record Doc(string Id, string Title, string Summary, string Body, string Locale = "en-GB");

    private static List<string> Rank(string query, params Doc[] docs) =>
        RankedSearch.Rank(docs, query, Fields, d => d.Locale).Select(r => r.Item.Id).ToList();

    private static IEnumerable<SearchField> Fields(Doc d) =>
        [new("title", RankedSearch.TitleWeight, d.Title), new("summary", RankedSearch.SummaryWeight, d.Summary), new("body", RankedSearch.BodyWeight, d.Body)];

    [Fact]
    public void A_title_match_outranks_a_summary_match_which_outranks_a_body_match()
    {
        var ranked = Rank(
            "blackmail",
            new Doc("body", "Staying safe", "Advice", "What to do about blackmail."),
            new Doc("title", "Blackmail online", "Advice", "What to do."),
            new Doc("summary", "Staying safe", "About blackmail", "What to do."),
            new Doc("none", "Staying safe", "Advice", "Nothing relevant."));

        Assert.Equal(["title", "summary", "body"], ranked);
    }

    [Fact]
    public void More_occurrences_rank_higher_within_the_same_field()
    {
        var ranked = Rank(
            "report",
            new Doc("once", "A", "B", "You can report it."),
            new Doc("thrice", "A", "B", "Report it. A report helps. Report again."));

        Assert.Equal(["thrice", "once"], ranked);
    }

    [Fact]
    public void Every_term_must_match_and_the_whole_phrase_ranks_higher()
    {
        var ranked = Rank(
            "report remove",
            new Doc("apart", "A", "B", "Remove the app, then report the account."),
            new Doc("phrase", "A", "B", "Use Report Remove today."),
            new Doc("one-term", "A", "B", "Report the account."));

        Assert.Equal(["phrase", "apart"], ranked);
    }

    [Fact]
    public void Matching_ignores_case_accents_and_english_plurals()
    {
        Assert.Equal(["plural"], Rank("IMAGE", new Doc("plural", "Images online", "B", "C")));
        Assert.Equal(["welsh"], Rank("dwr", new Doc("welsh", "Dŵr", "B", "C", "cy-GB")));
        Assert.Empty(Rank("dwr", new Doc("other", "Dwyrain", "B", "C", "cy-GB")));
    }

    [Fact]
    public void Common_words_do_not_match_on_their_own()
    {
        Assert.Equal(["nudes"], Rank("what is sextortion", new Doc("nudes", "Sextortion", "B", "C"), new Doc("other", "What is a nude?", "B", "C")));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Guidance_search_is_ranked_and_reports_the_matched_fields(string version)
    {
        var items = (await (await _client.GetAsync($"/api/{version}/guidance?q=sextortion&pageSize=100")).JsonAsync()).Items().EnumerateArray().ToList();

        Assert.NotEmpty(items);
        var scores = items.Select(i => i.GetProperty("search").GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var first = items[0];
        Assert.Contains("sextortion", first.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("title", first.GetProperty("search").GetProperty("matchedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.All(items, i => Assert.NotEmpty(i.GetProperty("search").GetProperty("matchedFields").EnumerateArray()));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Search_finds_welsh_words_in_welsh_items(string version)
    {
        var items = (await (await _client.GetAsync($"/api/{version}/guidance?q=blacmel&locale=cy-GB&pageSize=100")).JsonAsync()).Items().EnumerateArray().ToList();

        var first = Assert.Single(items);
        Assert.Equal("young-people-sextortion", first.GetProperty("id").GetString());
        Assert.Equal("cy-GB", first.GetProperty("locale").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Contacts_and_advice_are_searchable_too(string version)
    {
        var contacts = (await (await _client.GetAsync($"/api/{version}/contacts?q=childline")).JsonAsync()).Items().Ids().ToList();
        Assert.Equal("childline", contacts[0]);

        var advice = (await (await _client.GetAsync($"/api/{version}/age-bands/14-17/advice?q=blackmailing")).JsonAsync()).Ids().ToList();
        Assert.Equal("14-17-sextortion-young-people", advice[0]);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Search_text_longer_than_200_characters_is_a_400(string version)
    {
        await (await _client.GetAsync($"/api/{version}/guidance?q={new string('a', 201)}")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
