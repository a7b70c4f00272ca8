using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

public sealed class ContactsApiTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_thirteen_year_old_gets_Childline_and_never_the_adults_only_helpline(string version)
    {
        var page = await (await _client.GetAsync($"/api/{version}/contacts?age=13&pageSize=100")).JsonAsync();
        var ids = page.Items().Ids().ToList();

        Assert.Contains("childline", ids);
        Assert.DoesNotContain("revenge-porn-helpline", ids);
        Assert.DoesNotContain("stop-it-now", ids);
        var childline = page.Items().EnumerateArray().Single(c => c.GetProperty("id").GetString() == "childline");
        Assert.Contains("0800 1111", PhoneNumbers(childline, version));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_adult_gets_the_adults_only_helpline(string version)
    {
        var ids = (await (await _client.GetAsync($"/api/{version}/contacts?age=19&pageSize=100")).JsonAsync()).Items().Ids().ToList();

        Assert.Contains("revenge-porn-helpline", ids);
        Assert.DoesNotContain("report-remove", ids);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_contact_carries_its_source_and_last_verified_date(string version)
    {
        var page = await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync();

        Assert.True(page.Items().GetArrayLength() >= 14);
        Assert.All(page.Items().EnumerateArray(), contact =>
        {
            Assert.StartsWith("https://", contact.GetProperty("provenance").GetProperty("sourceUrl").GetString());
            var verification = contact.GetProperty("verification");
            Assert.True(DateOnly.TryParse(verification.GetProperty("lastVerified").GetString(), out _));
            Assert.Contains(verification.GetProperty("status").GetString(), new[] { "verified", "unverified" });
        });
    }

    [Fact]
    public async Task V1_shows_flat_channel_fields()
    {
        var childline = await (await _client.GetAsync("/api/v1/contacts/childline")).JsonAsync();

        Assert.Equal("0800 1111", childline.GetProperty("phone").GetString());
        Assert.Equal("24 hours a day, 7 days a week", childline.GetProperty("hours").GetString());
        Assert.False(childline.TryGetProperty("channels", out _));
    }

    [Fact]
    public async Task V2_shows_typed_channels_with_opening_hours()
    {
        var childline = await (await _client.GetAsync("/api/v2/contacts/childline")).JsonAsync();
        var phone = childline.GetProperty("channels").EnumerateArray().First(c => c.GetProperty("type").GetString() == "phone");

        Assert.Equal("0800 1111", phone.GetProperty("value").GetString());
        Assert.True(phone.GetProperty("hours").GetProperty("alwaysOpen").GetBoolean());
        Assert.False(childline.TryGetProperty("phone", out _));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Filters_by_channel_and_audience(string version)
    {
        var emailable = await (await _client.GetAsync($"/api/{version}/contacts?channel=email&pageSize=100")).JsonAsync();
        Assert.Contains("nspcc-helpline", emailable.Items().Ids());
        Assert.DoesNotContain("police-999", emailable.Items().Ids());

        var professionals = (await (await _client.GetAsync($"/api/{version}/contacts?audience=professionals&pageSize=100")).JsonAsync()).Items().Ids().ToList();
        Assert.Contains("posh", professionals);
        Assert.DoesNotContain("childline", professionals);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_force_replaces_the_national_101_with_its_own(string version)
    {
        var national = (await (await _client.GetAsync($"/api/{version}/contacts?pageSize=100")).JsonAsync()).Items().Ids().ToList();
        Assert.Contains("police-101", national);
        Assert.DoesNotContain("gloucestershire-101", national);

        var local = await (await _client.GetAsync($"/api/{version}/contacts?force=gloucestershire&pageSize=100")).JsonAsync();
        Assert.Contains("gloucestershire-101", local.Items().Ids());
        Assert.DoesNotContain("police-101", local.Items().Ids());
        var glos = local.Items().EnumerateArray().Single(c => c.GetProperty("id").GetString() == "gloucestershire-101");
        Assert.Equal("police-101", glos.GetProperty("overrides").GetString());
        Assert.Equal("unverified", glos.GetProperty("verification").GetProperty("status").GetString());

        var byId = await (await _client.GetAsync($"/api/{version}/contacts/police-101?force=gloucestershire")).JsonAsync();
        Assert.Equal("gloucestershire-101", byId.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Unknown_contact_is_a_404_problem(string version) =>
        await (await _client.GetAsync($"/api/{version}/contacts/nobody")).ProblemAsync(HttpStatusCode.NotFound);

    private static IEnumerable<string?> PhoneNumbers(JsonElement contact, string version) => version == "v1"
        ? [contact.GetProperty("phone").GetString()]
        : contact.GetProperty("channels").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == "phone")
            .Select(c => c.GetProperty("value").GetString());
}
