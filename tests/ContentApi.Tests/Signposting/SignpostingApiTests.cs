using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Signposting;

public sealed class SignpostingApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private static readonly string[] CoreTopics = ["sharing-nudes", "sextortion", "online-grooming", "onward-sharing"];
    private static readonly string[] Audiences = ["young-people", "parents-carers", "professionals"];
    private static readonly int[] Ages = [.. Enumerable.Range(4, 14), 18, 19, 21, 25];
    private static readonly string[] TierOrder = ["emergency", "report-and-remove", "helplines", "local"];

    private readonly HttpClient _client = host.CreateClient();

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var version in new[] { "v1", "v2" })
        {
            foreach (var audience in Audiences)
            {
                foreach (var topic in CoreTopics)
                {
                    data.Add(version, audience, topic);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_age_gets_emergency_first_and_only_services_the_person_may_use(string version, string audience, string topic)
    {
        foreach (var age in Ages)
        {
            var because = $"age={age}&audience={audience}&topic={topic} ({version})";
            var answer = await Signpost(version, $"age={age}&audience={audience}&topic={topic}&force=gloucestershire");
            var tiers = answer.GetProperty("tiers").EnumerateArray().ToList();
            var tierIds = tiers.Select(t => t.GetProperty("tier").GetString()!).ToList();

            Assert.True(tierIds.Count > 0 && tierIds[0] == "emergency", because);
            Assert.Equal("police-999", Entries(tiers[0])[0].GetProperty("contact").GetProperty("id").GetString());
            Assert.Equal(tierIds.OrderBy(t => Array.IndexOf(TierOrder, t)), tierIds);
            Assert.All(tiers, t => Assert.Equal(Array.IndexOf(TierOrder, t.GetProperty("tier").GetString()) + 1, t.GetProperty("order").GetInt32()));

            var entries = tiers.SelectMany(Entries).ToList();
            var contactIds = entries.Select(e => e.GetProperty("contact").GetProperty("id").GetString()!).ToList();
            Assert.True(contactIds.Count == contactIds.Distinct().Count(), $"a contact is listed twice: {because}");
            Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reason").GetString()), because));

            foreach (var entry in entries)
            {
                AssertTheUserMayUseIt(entry, age, because);
            }

            if (audience == "young-people" && age < 18)
            {
                Assert.DoesNotContain(entries, e => MinimumAge(e) >= 18);
                Assert.Contains("childline", contactIds);
            }

            if (audience == "young-people" && age == 18)
            {
                Assert.Contains("childline", contactIds); // Childline is for everyone under 19
            }

            if (audience == "young-people" && age >= 18)
            {
                // An adult asking for themselves is never sent to a service only under-18s (or under-19s) may use.
                Assert.DoesNotContain("report-remove", contactIds);
                Assert.Equal(age == 18, contactIds.Contains("childline"));
            }

            var asksAboutSomeoneElse = audience != "young-people";
            Assert.Equal(asksAboutSomeoneElse && age < 18, contactIds.Contains("nspcc-helpline"));
            Assert.Equal(age >= 18 && topic != "online-grooming", contactIds.Contains("revenge-porn-helpline"));
            Assert.Equal(audience == "professionals", contactIds.Contains("posh"));
            if (!asksAboutSomeoneElse)
            {
                Assert.DoesNotContain(entries, e => e.GetProperty("usedBy").GetString() == "child");
            }

            Assert.Contains("gloucestershire-101", contactIds);
            Assert.DoesNotContain("police-101", contactIds); // the force's own 101 replaces the national one
            Assert.Equal("local", tierIds[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_13_year_old_worried_about_sextortion_gets_four_ordered_tiers_with_reasons(string version)
    {
        var answer = await Signpost(version, "age=13&topic=sextortion&audience=young-people&force=gloucestershire");

        Assert.Equal("young-person", answer.GetProperty("asker").GetString());
        var tiers = answer.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!);
        Assert.Equal(TierOrder, tiers.Keys);
        Assert.Equal(["police-999"], Ids(tiers["emergency"]));
        Assert.Equal(["ceop", "report-remove", "take-it-down", "iwf", "crimestoppers"], Ids(tiers["report-and-remove"])); // crimestoppers: Fearless
        Assert.Contains("childline", Ids(tiers["helplines"]));
        Assert.DoesNotContain("revenge-porn-helpline", Ids(tiers["helplines"]));
        Assert.Equal(["gloucestershire-101"], Ids(tiers["local"]));
        Assert.False(string.IsNullOrWhiteSpace(tiers["emergency"].GetProperty("title").GetString()));
        var ceop = Entries(tiers["report-and-remove"])[0];
        Assert.Equal("ceop-for-young-people", ceop.GetProperty("rule").GetString());
        Assert.Equal("asker", ceop.GetProperty("usedBy").GetString());
        Assert.Contains("CEOP", ceop.GetProperty("reason").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_parent_of_a_13_year_old_is_told_which_services_their_child_would_use(string version)
    {
        var answer = await Signpost(version, "age=13&topic=sharing-nudes&audience=parents-carers");

        Assert.Equal("parent-carer", answer.GetProperty("asker").GetString());
        var entries = answer.GetProperty("tiers").EnumerateArray().SelectMany(Entries).ToDictionary(e => e.GetProperty("contact").GetProperty("id").GetString()!);
        Assert.Equal("child", entries["report-remove"].GetProperty("usedBy").GetString());
        Assert.Equal("child", entries["childline"].GetProperty("usedBy").GetString());
        Assert.Equal("asker", entries["nspcc-helpline"].GetProperty("usedBy").GetString());
        Assert.Equal("asker", entries["ceop"].GetProperty("usedBy").GetString());
        Assert.Equal("police-101", entries.Keys.Last()); // no force: the national 101
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Contacts_have_this_versions_shape(string version)
    {
        var answer = await Signpost(version, "age=15&audience=young-people");
        var childline = answer.GetProperty("tiers").EnumerateArray().SelectMany(Entries)
            .Select(e => e.GetProperty("contact")).Single(c => c.GetProperty("id").GetString() == "childline");

        Assert.Equal(version == "v2", childline.TryGetProperty("channels", out _));
        Assert.Equal(version == "v1", childline.TryGetProperty("phone", out _));
        Assert.True(childline.GetProperty("verification").TryGetProperty("lastVerified", out _));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Age_and_audience_are_required_and_checked(string version)
    {
        var missing = await (await _client.GetAsync($"/api/{version}/signposting?topic=sextortion")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("age", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("audience", out _));

        var bad = await (await _client.GetAsync($"/api/{version}/signposting?age=121&audience=teachers&topic=nope")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("age", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("audience", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("topic", out _));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_parent_of_a_13_year_old_is_offered_the_NSPCC_Helpline_in_the_contacts_list_and_a_13_year_old_is_not(string version)
    {
        var forParent = (await (await _client.GetAsync($"/api/{version}/contacts?age=13&audience=parents-carers&pageSize=100")).JsonAsync()).Items().Ids().ToList();
        var forChild = (await (await _client.GetAsync($"/api/{version}/contacts?age=13&audience=young-people&pageSize=100")).JsonAsync()).Items().Ids().ToList();

        Assert.Contains("nspcc-helpline", forParent);
        Assert.DoesNotContain("revenge-porn-helpline", forParent);
        Assert.DoesNotContain("nspcc-helpline", forChild);
        Assert.DoesNotContain("revenge-porn-helpline", forChild);
        Assert.Contains("childline", forChild);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_adult_over_25_is_answered_as_an_adult_not_refused(string version)
    {
        var answer = await Signpost(version, "age=40&audience=young-people&topic=image-removal");

        Assert.Equal(26, answer.GetProperty("age").GetInt32());
        Assert.Equal("adult", answer.GetProperty("asker").GetString());
        Assert.Equal("adults", answer.GetProperty("readerAgeBand").GetString());
        var ids = answer.GetProperty("tiers").EnumerateArray().SelectMany(Ids).ToList();
        Assert.Contains("revenge-porn-helpline", ids);
        Assert.Contains("take-it-down", ids);
        Assert.DoesNotContain("childline", ids);
    }

    [Theory]
    [InlineData(4, "4-7")]
    [InlineData(9, "8-10")]
    [InlineData(12, "11-13")]
    public async Task A_young_childs_reasons_are_written_for_their_age_band(int age, string band)
    {
        foreach (var topic in new[] { "sharing-nudes", "sextortion", "emotional-support" })
        {
            var answer = await Signpost("v2", $"age={age}&audience=young-people&topic={topic}&force=gloucestershire");
            var entries = answer.GetProperty("tiers").EnumerateArray().SelectMany(Entries).ToList();

            Assert.Equal(band, answer.GetProperty("readerAgeBand").GetString());
            Assert.All(entries, e => Assert.Equal(band, e.GetProperty("reasonAgeBand").GetString()));
            Assert.Equal(age >= 11 && topic != "sharing-nudes", entries.Any(e => e.GetProperty("contact").GetProperty("id").GetString() == "papyrus"));
        }
    }

    [Fact]
    public async Task Fearless_is_offered_to_young_people_worried_about_sextortion()
    {
        var answer = await Signpost("v2", "age=14&audience=young-people&topic=sextortion");
        var crimestoppers = answer.GetProperty("tiers").EnumerateArray().SelectMany(Entries)
            .Single(e => e.GetProperty("contact").GetProperty("id").GetString() == "crimestoppers");

        Assert.Equal("fearless-for-young-people", crimestoppers.GetProperty("rule").GetString());
        Assert.Contains("Fearless", crimestoppers.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static void AssertTheUserMayUseIt(JsonElement entry, int age, string because)
    {
        var contact = entry.GetProperty("contact");
        var usedByChild = entry.GetProperty("usedBy").GetString() == "child";
        if (contact.TryGetValue("ageRange", out var range))
        {
            var (min, max) = (range.GetProperty("min").GetInt32(), range.GetProperty("max").GetInt32());
            // A contact's age range is always the age of the person it helps, whoever gets in touch.
            Assert.True(min <= age && age <= max, $"{contact.GetProperty("id")} ({min}-{max}) offered for {(usedByChild ? "the child" : "the asker")}: {because}");
        }
    }

    private static int MinimumAge(JsonElement entry) =>
        entry.GetProperty("contact").TryGetValue("ageRange", out var range) ? range.GetProperty("min").GetInt32() : 0;

    private static List<JsonElement> Entries(JsonElement tier) => tier.GetProperty("entries").EnumerateArray().ToList();

    private static List<string> Ids(JsonElement tier) => Entries(tier).Select(e => e.GetProperty("contact").GetProperty("id").GetString()!).ToList();

    private async Task<JsonElement> Signpost(string version, string query) =>
        await (await _client.GetAsync($"/api/{version}/signposting?{query}")).JsonAsync();
}
