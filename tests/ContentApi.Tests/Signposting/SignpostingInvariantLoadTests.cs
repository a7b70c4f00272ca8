using System.Net;
using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Signposting;

/// <summary>
/// A content change that breaks a safety invariant is refused like any invalid edit: the Signposting plugin keeps
/// serving its last good content and its report names the invariant and a request that shows the break.
/// </summary>
public sealed class SignpostingInvariantLoadTests : IDisposable
{
    private readonly PluginFolders _folders = new();
    private readonly string _signposting;

    public SignpostingInvariantLoadTests()
    {
        _signposting = _folders.AddFirstParty("Signposting");
        _folders.AddFirstParty("Guidance");
    }

    [Fact]
    public async Task Giving_the_NSPCC_Helpline_the_askers_age_again_is_refused_and_parents_are_still_offered_it()
    {
        await using var factory = await TestHost.Start(o => o.WithPlugins(_folders).WithSetting("Plugins:WatchForChanges", "false"));
        var client = factory.Client;
        Assert.Equal("healthy", Signposting(await (await client.GetAsync("/api/v2/plugins")).JsonAsync()).GetProperty("status").GetString());

        // The modelling mistake issue 12 found: an age range describing the adult who calls, not the child helped.
        var contacts = Path.Combine(_signposting, "content", "contacts.yaml");
        var text = File.ReadAllText(contacts);
        var nspcc = text.IndexOf("    id: nspcc-helpline", StringComparison.Ordinal);
        var broken = text[..nspcc] + text[nspcc..].Replace("ageRange: { min: 0, max: 17 }", "ageRange: { min: 18, max: 25 }", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        File.WriteAllText(contacts, broken);

        using var reload = new HttpRequestMessage(HttpMethod.Post, "/admin/plugins/reload").WithKey(TestKeys.Admin);
        var plugin = Signposting(await (await client.SendAsync(reload)).JsonAsync());

        Assert.Equal("degraded", plugin.GetProperty("status").GetString());
        var messages = plugin.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("location").GetString() + " " + p.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m.Contains("invariant nspcc-helpline-for-adults-worried-about-a-child", StringComparison.Ordinal) &&
                                       m.Contains("audience=parents-carers", StringComparison.Ordinal));
        var answer = await (await client.GetAsync("/api/v2/signposting?age=13&audience=parents-carers&topic=the-law")).JsonAsync();
        Assert.Contains("nspcc-helpline", answer.GetProperty("tiers").EnumerateArray()
            .SelectMany(t => t.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("contact").GetProperty("id").GetString()));
    }

    public void Dispose() => _folders.Dispose();

    private static JsonElement Signposting(JsonElement plugins) =>
        plugins.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "signposting");
}
