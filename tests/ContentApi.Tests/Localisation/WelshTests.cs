using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Localisation;

public sealed class WelshTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Accept_language_cy_gets_welsh_with_content_language_and_vary(string version)
    {
        using var response = await Get($"/api/{version}/contacts/childline", acceptLanguage: "cy");
        var contact = await response.JsonAsync();

        Assert.Equal("cy-GB", contact.GetProperty("locale").GetString());
        Assert.Equal("cy-GB", contact.GetProperty("requestedLocale").GetString());
        Assert.False(contact.GetProperty("fallback").GetBoolean());
        Assert.Equal("needs-review", contact.GetProperty("translationStatus").GetString());
        Assert.StartsWith("Mae Childline", contact.GetProperty("description").GetString());
        Assert.Equal(["cy-GB"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_welsh_contact_keeps_the_english_items_numbers_and_translates_the_labels(string version)
    {
        var english = await (await Get($"/api/{version}/contacts/police-999")).JsonAsync();
        var welsh = await (await Get($"/api/{version}/contacts/police-999?locale=cy-GB")).JsonAsync();

        Assert.Equal(english.GetProperty("verification").GetRawText(), welsh.GetProperty("verification").GetRawText());
        Assert.Equal(english.GetProperty("provenance").GetRawText(), welsh.GetProperty("provenance").GetRawText());
        Assert.NotEqual(english.GetProperty("contentHash").GetString(), welsh.GetProperty("contentHash").GetString());
        if (version == "v2")
        {
            var values = (JsonElement c) => c.GetProperty("channels").EnumerateArray().Select(ch => ch.GetProperty("value").GetString()).ToList();
            Assert.Equal(values(english), values(welsh));
            Assert.Equal("Ffoniwch 999", welsh.GetProperty("channels")[0].GetProperty("label").GetString());
        }
        else
        {
            Assert.Equal("999", welsh.GetProperty("phone").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Items_not_translated_fall_back_to_english_and_say_so_one_by_one(string version)
    {
        using var response = await Get($"/api/{version}/age-bands/14-17/advice?audience=young-people&locale=cy-GB");
        var advice = (await response.JsonAsync()).EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);

        var translated = advice["14-17-sextortion-young-people"];
        Assert.Equal("cy-GB", translated.GetProperty("locale").GetString());
        Assert.False(translated.GetProperty("fallback").GetBoolean());

        var untranslated = advice["14-17-online-grooming-young-people"];
        Assert.Equal("en-GB", untranslated.GetProperty("locale").GetString());
        Assert.Equal("cy-GB", untranslated.GetProperty("requestedLocale").GetString());
        Assert.True(untranslated.GetProperty("fallback").GetBoolean());

        Assert.Equal(["cy-GB", "en-GB"], response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_locale_parameter_wins_over_accept_language_and_quality_values_are_respected(string version)
    {
        var byParameter = await (await Get($"/api/{version}/topics?locale=en-GB", acceptLanguage: "cy-GB")).JsonAsync();
        Assert.All(byParameter.EnumerateArray(), t => Assert.Equal("en-GB", t.GetProperty("locale").GetString()));

        var preferWelsh = await (await Get($"/api/{version}/topics", acceptLanguage: "en;q=0.5, cy;q=0.9")).JsonAsync();
        Assert.All(preferWelsh.EnumerateArray(), t => Assert.Equal("cy-GB", t.GetProperty("locale").GetString()));

        using var french = await Get($"/api/{version}/topics", acceptLanguage: "fr-FR, fr;q=0.9");
        Assert.All((await french.JsonAsync()).EnumerateArray(), t => Assert.Equal("en-GB", t.GetProperty("requestedLocale").GetString()));
        Assert.Equal(["en-GB"], french.Content.Headers.ContentLanguage);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_locale_with_no_content_is_kept_as_requested_and_every_item_says_it_fell_back(string version)
    {
        var topics = await (await Get($"/api/{version}/topics?locale=fr-FR")).JsonAsync();

        Assert.All(topics.EnumerateArray(), t =>
        {
            Assert.Equal("fr-FR", t.GetProperty("requestedLocale").GetString());
            Assert.True(t.GetProperty("fallback").GetBoolean());
        });
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Welsh_signposting_translates_headings_reasons_and_contacts_and_flags_english_reasons(string version)
    {
        using var response = await Get($"/api/{version}/signposting?age=13&audience=young-people&topic=sextortion&force=gloucestershire", acceptLanguage: "cy");
        var answer = await response.JsonAsync();
        var tiers = answer.GetProperty("tiers").EnumerateArray().ToList();

        Assert.Equal("cy-GB", answer.GetProperty("requestedLocale").GetString());
        Assert.Equal("Os oes rhywun mewn perygl nawr", tiers[0].GetProperty("title").GetString());
        var emergency = tiers[0].GetProperty("entries")[0];
        Assert.StartsWith("Os oes unrhyw un mewn perygl", emergency.GetProperty("reason").GetString());
        Assert.False(emergency.GetProperty("reasonFallback").GetBoolean());
        Assert.Equal("cy-GB", emergency.GetProperty("contact").GetProperty("locale").GetString());

        // Gloucestershire's 101 has no Welsh version: served in English, and flagged.
        var local = tiers[^1].GetProperty("entries")[0];
        Assert.Equal("gloucestershire-101", local.GetProperty("contact").GetProperty("id").GetString());
        Assert.True(local.GetProperty("contact").GetProperty("fallback").GetBoolean());
        Assert.True(local.GetProperty("reasonFallback").GetBoolean());
        Assert.Equal(["cy-GB", "en-GB"], response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_malformed_locale_is_a_400_naming_the_parameter(string version)
    {
        var problem = await (await Get($"/api/{version}/signposting?age=13&audience=young-people&locale=not%20a%20tag")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("locale", out _));
    }

    private async Task<HttpResponseMessage> Get(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await _client.SendAsync(request);
    }
}
