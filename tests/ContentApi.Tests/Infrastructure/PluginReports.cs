using System.Text.Json;

namespace ContentApi.Tests.Infrastructure;

/// <summary>Reading a host's plugin reports, and asking it to reload as an admin would.</summary>
public static class PluginReports
{
    /// <summary><c>POST /admin/plugins/reload</c> with the admin key; the plugin list the host answers with.</summary>
    public static async Task<JsonElement> ReloadAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/plugins/reload").WithKey(TestKeys.Admin);
        var response = await client.SendAsync(request);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.JsonAsync();
    }

    /// <summary>The one report with <paramref name="id"/> in a plugin list.</summary>
    public static JsonElement Plugin(JsonElement plugins, string id) =>
        plugins.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    /// <summary>The report of plugin <paramref name="id"/> from <c>GET /api/v2/plugins</c>.</summary>
    public static async Task<JsonElement> PluginAsync(HttpClient client, string id) =>
        Plugin(await (await client.GetAsync("/api/v2/plugins")).JsonAsync(), id);
}
