using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Content;

/// <summary>
/// The shipped age-band advice is complete (every band, core topic and audience) and its links hold: every item links
/// guidance written for its audience and ages, and contacts its readers may use, with 999 always among them.
/// </summary>
public sealed class AgeBandAdviceContentTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private static readonly string[] Bands = ["4-7", "8-10", "11-13", "14-17"];
    private static readonly string[] CoreTopics = ["sharing-nudes", "sextortion", "online-grooming", "onward-sharing"];
    private static readonly string[] Audiences = ["parents-carers", "young-people"];

    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_band_topic_and_audience_has_advice_whose_links_resolve_and_fit(string version)
    {
        var guidance = (await (await _client.GetAsync($"/api/{version}/guidance?pageSize=100")).JsonAsync()).Items().EnumerateArray()
            .ToDictionary(g => g.GetProperty("id").GetString()!);
        var contacts = (await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items().EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!);

        foreach (var band in Bands)
        {
            var advice = (await (await _client.GetAsync($"/api/{version}/age-bands/{band}/advice")).JsonAsync()).EnumerateArray().ToList();
            foreach (var topic in CoreTopics)
            {
                foreach (var audience in Audiences)
                {
                    var item = Assert.Single(advice, a => Strings(a, "topics").Contains(topic) && Strings(a, "audiences").Contains(audience));
                    var because = item.GetProperty("id").GetString();
                    var (min, max) = (item.GetProperty("ageRange").GetProperty("min").GetInt32(), item.GetProperty("ageRange").GetProperty("max").GetInt32());

                    Assert.NotEmpty(Strings(item, "relatedGuidance"));
                    foreach (var id in Strings(item, "relatedGuidance"))
                    {
                        Assert.True(guidance.TryGetValue(id, out var article), $"{because} links missing guidance {id}");
                        Assert.Contains(audience, Strings(article, "audiences"));
                        if (article.TryGetValue("ageRange", out var range))
                        {
                            Assert.True(range.GetProperty("min").GetInt32() <= min && max <= range.GetProperty("max").GetInt32(), $"{because} links {id}, written for other ages");
                        }
                    }

                    Assert.Contains("police-999", Strings(item, "relatedContacts"));
                    foreach (var id in Strings(item, "relatedContacts"))
                    {
                        Assert.True(contacts.TryGetValue(id, out var contact), $"{because} links missing contact {id}");
                        if (audience == "young-people" && contact.TryGetValue("ageRange", out var range))
                        {
                            Assert.True(range.GetProperty("min").GetInt32() <= min && max <= range.GetProperty("max").GetInt32(), $"{because} sends young people to {id}");
                        }
                    }
                }
            }
        }
    }

    private static List<string> Strings(JsonElement item, string property) =>
        item.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
