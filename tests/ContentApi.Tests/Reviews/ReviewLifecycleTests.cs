using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Reviews;

/// <summary>
/// The first-party contacts are due for review on 2027-02-28 and guidance on 2027-11-29; a fake clock walks past those
/// dates. The grace period is 30 days (the default) unless a test sets it.
/// </summary>
public sealed class ReviewLifecycleTests
{
    private static readonly DateTimeOffset BeforeContactsDue = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ContactsDueSoon = new(2027, 2, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ContactsOverdue = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ContactsPastGrace = new(2027, 4, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_contact_moves_from_current_to_due_soon_to_overdue_to_withheld_as_the_clock_moves(string version)
    {
        await using var host = await TestHost.Start(o => o.WithClock(BeforeContactsDue));
        var client = host.Client;

        Assert.Equal("current", await ChildlineStatus(client, version));

        host.Clock.SetUtcNow(ContactsDueSoon);
        Assert.Equal("due-soon", await ChildlineStatus(client, version));

        host.Clock.SetUtcNow(ContactsOverdue);
        Assert.Equal("overdue", await ChildlineStatus(client, version)); // still served, flagged

        host.Clock.SetUtcNow(ContactsPastGrace);
        var withheld = await (await client.GetAsync($"/api/{version}/contacts/childline")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("withheld", withheld.GetProperty("reviewStatus").GetString());
        var list = (await (await client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items().Ids().ToList();
        Assert.DoesNotContain("childline", list);
        Assert.Contains("police-999", list); // never withheld: immediate danger always comes first
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Signposting_keeps_999_first_when_every_contact_is_long_overdue(string version)
    {
        await using var host = await TestHost.Start(o => o.WithClock(ContactsPastGrace));
        var client = host.Client;

        var answer = await (await client.GetAsync($"/api/{version}/signposting?age=13&audience=young-people&topic=sextortion")).JsonAsync();
        var entries = answer.GetProperty("tiers").EnumerateArray().SelectMany(t => t.GetProperty("entries").EnumerateArray()).ToList();

        var only = Assert.Single(entries);
        Assert.Equal("police-999", only.GetProperty("contact").GetProperty("id").GetString());
        Assert.Equal("overdue", only.GetProperty("contact").GetProperty("reviewStatus").GetString());
        Assert.Equal("If someone is in danger now", answer.GetProperty("tiers")[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Reviews_lists_what_is_due_overdue_and_withheld_and_filters_by_plugin_and_force(string version)
    {
        await using var host = await TestHost.Start(o => o.WithClock(ContactsPastGrace));
        var client = host.Client;

        var all = await (await client.GetAsync($"/api/{version}/reviews")).JsonAsync();
        Assert.Equal("2027-04-15", all.GetProperty("asOf").GetString());
        Assert.Equal(30, all.GetProperty("policy").GetProperty("gracePeriodDays").GetInt32());
        var childline = Find(all, "contact", "childline", "en-GB");
        Assert.Equal("withheld", childline.GetProperty("reviewStatus").GetString());
        Assert.Equal("2027-03-31", childline.GetProperty("withheldFrom").GetString());
        Assert.Equal("Safeguarding Content API maintainers", childline.GetProperty("owner").GetString());
        Assert.Equal("overdue", Find(all, "contact", "police-999", "en-GB").GetProperty("reviewStatus").GetString());
        Assert.True(all.GetProperty("counts").GetProperty("withheld").GetInt32() > 0);

        var gloucestershire = await (await client.GetAsync($"/api/{version}/reviews?force=gloucestershire&status=withheld")).JsonAsync();
        Assert.NotEmpty(gloucestershire.GetProperty("items").EnumerateArray());
        Assert.All(gloucestershire.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("gloucestershire", i.GetProperty("forceId").GetString());
            Assert.Equal("withheld", i.GetProperty("reviewStatus").GetString());
        });

        var guidancePlugin = await (await client.GetAsync($"/api/{version}/reviews?plugin=guidance")).JsonAsync();
        Assert.Empty(guidancePlugin.GetProperty("items").EnumerateArray()); // guidance is not due until November

        await (await client.GetAsync($"/api/{version}/reviews?plugin=nope&status=late")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_grace_period_and_withholding_are_configurable(string version)
    {
        var keepServing = new Dictionary<string, string?> { ["Reviews:WithholdAfterGracePeriod"] = "false" };
        await using (var host = await TestHost.Start(o => o.WithClock(ContactsPastGrace).WithSettings(keepServing)))
        {
            Assert.Equal("overdue", await ChildlineStatus(host.Client, version));
        }

        var noGrace = new Dictionary<string, string?> { ["Reviews:GracePeriodDays"] = "0" };
        await using (var host = await TestHost.Start(o => o.WithClock(ContactsOverdue).WithSettings(noGrace)))
        {
            await (await host.Client.GetAsync($"/api/{version}/contacts/childline")).ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_withheld_welsh_translation_falls_back_to_a_served_original(string version)
    {
        await using var host = await TestHost.Start(o => o.WithClock(BeforeContactsDue).WithPlugins(folders => folders.AddFolder("pack", new Dictionary<string, string>
        {
            ["plugin.json"] = """{ "id": "pack", "name": "Pack", "version": "1.0.0", "publisher": "Test", "contractVersion": "1.0" }""",
            ["content/topics.yaml"] = """
                items:
                  - { kind: topic, id: t, name: "English name", source: { publisher: P, url: "https://example.org/" },
                      review: { lastReviewed: 2026-11-29, nextReviewDue: 2027-11-29, owner: O } }
                  - { kind: topic, id: t, locale: cy-GB, name: "Enw Cymraeg",
                      review: { lastReviewed: 2025-01-01, nextReviewDue: 2026-01-01, owner: O } }
                """,
        })));

        var topic = (await (await host.Client.GetAsync($"/api/{version}/topics?locale=cy-GB")).JsonAsync())[0];

        Assert.Equal("English name", topic.GetProperty("name").GetString());
        Assert.True(topic.GetProperty("fallback").GetBoolean());
    }

    private static async Task<string?> ChildlineStatus(HttpClient client, string version) =>
        (await (await client.GetAsync($"/api/{version}/contacts/childline")).JsonAsync()).GetProperty("reviewStatus").GetString();

    private static JsonElement Find(JsonElement reviews, string kind, string id, string locale) =>
        reviews.GetProperty("items").EnumerateArray().Single(i =>
            i.GetProperty("kind").GetString() == kind && i.GetProperty("id").GetString() == id && i.GetProperty("locale").GetString() == locale);
}
