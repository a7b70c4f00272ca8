using System.Net;
using System.Text.Json;
using ContentApi.Host.Plugins;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.Tests.Changes;

/// <summary>
/// The changes feed over a content pack in a temporary folder. Change stamps come from the items' own data, so a
/// cursor from one host instance works on another instance over changed content; what only an instance can notice
/// (a file deleted, an edit that did not move its stamp) is tested with a reload inside one instance.
/// </summary>
public sealed class ChangesFeedTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wednesday = new(2027, 1, 13, 8, 0, 0, TimeSpan.Zero);

    private readonly PluginFolders _folders = new();
    private readonly string _content;

    public ChangesFeedTests()
    {
        var pack = _folders.AddFolder("pack", new Dictionary<string, string>
        {
            ["plugin.json"] = """{ "id": "pack", "name": "Pack", "version": "1.0.0", "publisher": "Test force", "contractVersion": "1.0" }""",
        });
        _content = Path.Combine(pack, "content");
        Directory.CreateDirectory(_content);
        Write("stay-calm", "Stay calm", "Take a breath first.", updated: "2027-01-05T10:00:00Z");
        Write("old-advice", "Old advice", "This will be withdrawn.", updated: "2027-01-06T10:00:00Z");
        Write("unchanged", "Unchanged", "Nothing happens to this one.", updated: "2027-01-04T10:00:00Z");
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_cursor_from_one_instance_gets_the_update_the_withdrawal_and_the_new_item_from_another(string version)
    {
        string cursor;
        await using (var before = await TestHost.Start(o => WithPack(o.WithClock(Monday))))
        {
            var first = await Changes(before.Client, version, "2027-01-01T00:00:00Z");
            Assert.Equal(["unchanged", "stay-calm", "old-advice"], first.Items().Ids());
            Assert.All(first.Items().EnumerateArray(), c => Assert.Equal("updated", c.GetProperty("change").GetString()));
            Assert.Equal($"/api/{version}/guidance/stay-calm?locale=en-GB", first.Items()[1].GetProperty("href").GetString());
            cursor = first.GetProperty("nextCursor").GetString()!;
            Assert.Empty((await Changes(before.Client, version, cursor)).Items().EnumerateArray());
        }

        Write("stay-calm", "Stay calm", "Take a breath first. Then listen.", updated: "2027-01-12T09:00:00Z");
        Write("old-advice", "Old advice", "This will be withdrawn.", updated: "2027-01-06T10:00:00Z",
            extra: "status: withdrawn\nwithdrawal: { on: 2027-01-12, reason: \"Replaced by newer advice.\", replacedBy: new-advice }\n");
        Write("new-advice", "New advice", "Brand new.", updated: "2027-01-12T10:00:00Z", extra: "firstPublished: 2027-01-12\n");

        await using var after = await TestHost.Start(o => WithPack(o.WithClock(Wednesday)));
        var client = after.Client;
        var changes = (await Changes(client, version, cursor)).Items().EnumerateArray().ToList();

        Assert.Equal(["old-advice", "stay-calm", "new-advice"], changes.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["withdrawn", "updated", "created"], changes.Select(c => c.GetProperty("change").GetString()));
        Assert.Equal("Replaced by newer advice.", changes[0].GetProperty("notice").GetString());
        Assert.Equal("2027-01-12T09:00:00+00:00", changes[1].GetProperty("changedAt").GetString());

        var updated = await (await client.GetAsync(changes[1].GetProperty("href").GetString())).JsonAsync();
        Assert.Equal(changes[1].GetProperty("contentHash").GetString(), updated.GetProperty("contentHash").GetString());
        Assert.EndsWith("Then listen.", updated.GetProperty("body").GetString(), StringComparison.Ordinal);

        var gone = await (await client.GetAsync(changes[0].GetProperty("href").GetString())).ProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("Replaced by newer advice.", gone.GetProperty("notice").GetString());
        Assert.Equal("new-advice", gone.GetProperty("replacedBy").GetString());
        Assert.Equal("2027-01-12", gone.GetProperty("withdrawnOn").GetString());

        var list = (await (await client.GetAsync($"/api/{version}/guidance?pageSize=100")).JsonAsync()).Items().Ids();
        Assert.DoesNotContain("old-advice", list);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Pages_follow_each_other_without_gaps_or_repeats(string version)
    {
        await using var host = await TestHost.Start(o => WithPack(o.WithClock(Monday)));
        var client = host.Client;

        var seen = new List<string>();
        var cursor = "2000-01-01T00:00:00Z";
        for (var page = 0; page < 10; page++)
        {
            var body = await (await client.GetAsync($"/api/{version}/changes?since={Uri.EscapeDataString(cursor)}&limit=1")).JsonAsync();
            seen.AddRange(body.Items().Ids());
            cursor = body.GetProperty("nextCursor").GetString()!;
            if (!body.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(["unchanged", "stay-calm", "old-advice"], seen);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_file_deleted_before_a_reload_becomes_a_tombstone_and_answers_410(string version)
    {
        await using var host = await TestHost.Start(o => WithPack(o.WithClock(Monday)));
        var client = host.Client;
        var cursor = (await Changes(client, version, "2027-01-01T00:00:00Z")).GetProperty("nextCursor").GetString()!;

        File.Delete(Path.Combine(_content, "unchanged.md"));
        host.Clock.SetUtcNow(Wednesday);
        await Reload(host);

        var tombstone = Assert.Single((await Changes(client, version, cursor)).Items().EnumerateArray());
        Assert.Equal("unchanged", tombstone.GetProperty("id").GetString());
        Assert.Equal("withdrawn", tombstone.GetProperty("change").GetString());
        Assert.Equal(Wednesday, tombstone.GetProperty("changedAt").GetDateTimeOffset());
        Assert.Contains("Removed from plugin 'pack'", tombstone.GetProperty("notice").GetString(), StringComparison.Ordinal);
        await (await client.GetAsync($"/api/{version}/guidance/unchanged")).ProblemAsync(HttpStatusCode.Gone);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task An_edit_that_forgets_to_move_its_updated_stamp_is_still_reported_after_a_reload(string version)
    {
        await using var host = await TestHost.Start(o => WithPack(o.WithClock(Monday)));
        var client = host.Client;
        var cursor = (await Changes(client, version, "2027-01-01T00:00:00Z")).GetProperty("nextCursor").GetString()!;

        Write("unchanged", "Unchanged", "Edited, but the author forgot to change updated.", updated: "2027-01-04T10:00:00Z");
        host.Clock.SetUtcNow(Wednesday);
        await Reload(host);

        var change = Assert.Single((await Changes(client, version, cursor)).Items().EnumerateArray());
        Assert.Equal("unchanged", change.GetProperty("id").GetString());
        Assert.Equal("updated", change.GetProperty("change").GetString());
        Assert.Equal(Wednesday, change.GetProperty("changedAt").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_cursor_taken_after_a_future_dated_stamp_still_gets_every_later_edit_and_new_item(string version)
    {
        Write("ahead", "Ahead", "Dated by a clock far ahead.", updated: "2099-01-01T00:00:00Z");
        Write("day-only", "Day only", "Dated with a day only.", updated: "2027-01-10");
        await using var host = await TestHost.Start(o => WithPack(o.WithClock(Monday)));
        var client = host.Client;
        var first = await Changes(client, version, "2027-01-01T00:00:00Z");
        Assert.Equal("ahead", first.Items().Ids().Last());
        var cursor = first.GetProperty("nextCursor").GetString()!;

        Write("unchanged", "Unchanged", "Edited without touching updated.", updated: "2027-01-04T10:00:00Z");
        Write("stay-calm", "Stay calm", "Edited, with updated moved forward but still behind 2099.", updated: "2027-01-12T09:00:00Z");
        Write("late-file", "Late file", "A new file dated in the past.", updated: "2027-01-02T10:00:00Z");
        host.Clock.SetUtcNow(Wednesday);
        await Reload(host);

        var changes = (await Changes(client, version, cursor)).Items().EnumerateArray().ToList();
        Assert.Equal(["late-file", "stay-calm", "unchanged"], changes.Select(c => c.GetProperty("id").GetString()).Order());
        Assert.All(changes, c => Assert.True(c.GetProperty("changedAt").GetDateTimeOffset() > new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var pack = await PluginReports.PluginAsync(client, "pack");
        var warnings = pack.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "warning").Select(p => p.GetProperty("message").GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("updated: 2099-01-01T00:00:00Z is in the future", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("updated: 2027-01-10 gives no time of day", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Since_is_required_and_must_be_a_timestamp_or_a_cursor(string version)
    {
        await using var host = await TestHost.Start(o => WithPack(o.WithClock(Monday)));
        var client = host.Client;

        var missing = await (await client.GetAsync($"/api/{version}/changes")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["is required: an ISO 8601 timestamp such as 2027-01-01T00:00:00Z, or the nextCursor of an earlier page."],
            missing.GetProperty("errors").GetProperty("since").EnumerateArray().Select(e => e.GetString()));
        await (await client.GetAsync($"/api/{version}/changes?since=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/{version}/changes?since=2027-01-01T00:00:00Z&limit=0")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task The_first_party_feed_lists_every_kind_with_links_that_resolve(string version)
    {
        await using var host = await TestHost.Start(o => o.WithClock(Monday));
        var client = host.Client;

        var changes = (await Changes(client, version, "2000-01-01T00:00:00Z", "&limit=500&force=gloucestershire")).Items().EnumerateArray().ToList();

        Assert.Equal(["advice", "age-band", "contact", "guidance", "topic"], changes.Select(c => c.GetProperty("kind").GetString()).Distinct().Order());
        Assert.Contains(changes, c => c.GetProperty("id").GetString() == "gloucestershire-101");
        Assert.Contains(changes, c => c.GetProperty("id").GetString() == "childline" && c.GetProperty("locale").GetString() == "cy-GB");
        foreach (var href in changes.Select(c => c.GetProperty("href").GetString()).Distinct().Take(60))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
        }
    }

    // The test reloads when it chooses, so the folder watcher stays off.
    private void WithPack(TestHostOptions options) => options.WithPlugins(_folders).WithSetting("Plugins:WatchForChanges", "false");

    public void Dispose() => _folders.Dispose();

    // The host's own reload, as an admin's POST /admin/plugins/reload runs it.
    private static Task Reload(TestHost host) =>
        host.Services.GetRequiredService<ContentReloader>().ReloadAsync(ReloadTrigger.Admin, CancellationToken.None);

    private static async Task<JsonElement> Changes(HttpClient client, string version, string since, string extra = "") =>
        await (await client.GetAsync($"/api/{version}/changes?since={Uri.EscapeDataString(since)}{extra}")).JsonAsync();

    private void Write(string id, string title, string body, string updated, string extra = "") =>
        File.WriteAllText(Path.Combine(_content, $"{id}.md"), ContentPackFiles.DatedGuidance(id, title, body, updated, extra));
}
