using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Localisation;

/// <summary>
/// A translation whose English changed is stale: the API serves the new English (fallback: true) until it is updated,
/// and the review list counts and names it. Translations carry their own record, apart from the review of the facts.
/// </summary>
public sealed class StaleTranslationTests : IAsyncLifetime
{
    private readonly PluginFolders _folders = new();
    private TestHost? _host;

    public async Task InitializeAsync()
    {
        foreach (var plugin in new[] { "Guidance", "Signposting", "AgeBands", "Forces", "Gloucestershire" })
        {
            _folders.AddFirstParty(plugin);
        }

        var contacts = Path.Combine(_folders.Root, "Signposting", "content", "contacts.yaml");
        var english = await File.ReadAllTextAsync(contacts);
        await File.WriteAllTextAsync(contacts, english.Replace("name: \"Childline\"", "name: \"Childline (NSPCC)\"", StringComparison.Ordinal));
        _host = await TestHost.Start(o => o.WithPlugins(_folders));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_stale_translation_falls_back_to_the_new_english(string version)
    {
        var childline = await (await _host!.Client.GetAsync($"/api/{version}/contacts/childline?locale=cy-GB")).JsonAsync();
        var list = await (await _host.Client.GetAsync($"/api/{version}/contacts?locale=cy-GB&pageSize=100")).JsonAsync();

        Assert.Equal("en-GB", childline.GetProperty("locale").GetString());
        Assert.True(childline.GetProperty("fallback").GetBoolean());
        Assert.Equal("Childline (NSPCC)", childline.GetProperty("name").GetString());
        var listed = Items(list).Single(c => c.GetProperty("id").GetString() == "childline");
        Assert.Equal("en-GB", listed.GetProperty("locale").GetString());
        Assert.Equal("cy-GB", Items(list).Single(c => c.GetProperty("id").GetString() == "ceop").GetProperty("locale").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_review_list_counts_translations_per_kind_and_names_the_stale_ones(string version)
    {
        var reviews = await (await _host!.Client.GetAsync($"/api/{version}/reviews")).JsonAsync();

        var stale = Assert.Single(reviews.GetProperty("staleTranslations").EnumerateArray());
        Assert.Equal("contact", stale.GetProperty("kind").GetString());
        Assert.Equal("childline", stale.GetProperty("id").GetString());
        Assert.Equal("cy-GB", stale.GetProperty("locale").GetString());
        var coverage = reviews.GetProperty("translations").EnumerateArray()
            .ToDictionary(c => (c.GetProperty("locale").GetString(), c.GetProperty("kind").GetString()));
        var contacts = coverage[("cy-GB", "contact")];
        Assert.Equal(1, contacts.GetProperty("stale").GetInt32());
        Assert.Equal(contacts.GetProperty("originals").GetInt32(),
            contacts.GetProperty("reviewed").GetInt32() + contacts.GetProperty("needsReview").GetInt32() + contacts.GetProperty("stale").GetInt32() + contacts.GetProperty("missing").GetInt32());
        var advice = coverage[("cy-GB", "advice")];
        Assert.Equal(4, advice.GetProperty("needsReview").GetInt32());
        Assert.Equal(32, advice.GetProperty("originals").GetInt32());
        Assert.Equal(12, advice.GetProperty("percent").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_translation_carries_its_own_record_apart_from_the_review_of_the_facts(string version)
    {
        var welsh = await (await _host!.Client.GetAsync($"/api/{version}/contacts/ceop?locale=cy-GB")).JsonAsync();
        var english = await (await _host.Client.GetAsync($"/api/{version}/contacts/ceop")).JsonAsync();

        Assert.Equal("needs-review", welsh.GetProperty("translationStatus").GetString());
        Assert.Contains("not a fluent Welsh speaker", welsh.GetProperty("translation").GetProperty("translator").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, english.GetProperty("translation").ValueKind);
        Assert.Equal(english.GetProperty("review").GetRawText(), welsh.GetProperty("review").GetRawText());
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) =>
        (page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items")).EnumerateArray();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folders.Dispose();
    }
}
