using System.Text.Json;
using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Host.Caching;
using ContentApi.Host.Plugins;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.Tests.Kinds;

/// <summary>
/// Kinds are declared once: a kind that exists only in this test project (<see cref="WidgetKind"/>), given to the
/// host in a registry, is read from a content pack, validated, indexed for references, fingerprinted for the cache
/// and listed in the changes feed, with no other edit anywhere.
/// </summary>
public sealed class DeclaredKindTests : IDisposable
{
    private const string Source = "source: { publisher: Tests, url: \"https://example.org/\" }";
    private const string Review = "review: { lastReviewed: 2026-01-10, nextReviewDue: 2027-12-10 }";

    private static readonly ContentKindRegistry Kinds = ContentKindRegistry.Default.With(new WidgetKind());

    private readonly PluginFolders _folders = new();

    [Fact]
    public void The_reader_validator_and_index_take_in_a_declared_kind()
    {
        var read = ContentFolderReader.ReadFile(Widgets(("blue", "Blue widget"), ("long", new string('x', 50))), "content/widgets.yaml", Kinds);
        var valid = ContentValidator.Validate(read, Kinds);
        var index = ContentIndex.Of([valid], Kinds);

        Assert.Equal(["blue", "long"], read.OtherItems.Select(i => i.Id));
        Assert.Equal(["blue"], valid.OtherItems.Select(i => i.Id));
        Assert.Equal(new ContentProblem("content/widgets.yaml:8:5 (widget 'long')", "name: at most 40 characters"), Assert.Single(valid.Problems));
        Assert.True(index.Contains("widget", "blue"));
        var dangling = Assert.Single(ContentValidator.CheckReferences(valid, index));
        Assert.Equal("relatedContacts: no contact 'no-such-line' is loaded", dangling.Message);
    }

    [Fact]
    public void Without_the_declaration_the_kind_is_refused_with_the_kinds_that_exist()
    {
        var read = ContentFolderReader.ReadFile(Widgets(("blue", "Blue widget")), "content/widgets.yaml");

        Assert.Empty(read.OtherItems);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("content/widgets.yaml:2:11 (blue)", problem.Location);
        Assert.StartsWith("kind: 'widget' is not a known kind (topic, guidance, contact", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_serves_a_declared_kind_in_the_changes_feed_and_its_edits_change_the_fingerprint()
    {
        var pack = _folders.AddFolder("widgets", new Dictionary<string, string>
        {
            ["plugin.json"] = ContentPackFiles.Manifest("widget-pack"),
            ["content/widgets.yaml"] = Widgets(("blue", "Blue widget")),
        });
        await using var factory = await TestHost.Start(o => o.WithPlugins(_folders).WithServices(services => services.AddSingleton(Kinds)));
        var client = factory.Client;

        var changes = (await (await client.GetAsync("/api/v2/changes?since=2000-01-01T00:00:00Z")).JsonAsync()).Items().EnumerateArray().ToList();
        var widget = Assert.Single(changes, c => c.GetProperty("kind").GetString() == "widget");
        Assert.Equal("blue", widget.GetProperty("id").GetString());
        Assert.Equal("/api/v2/widgets/blue?locale=en-GB", widget.GetProperty("href").GetString());
        var fingerprint = Fingerprint(factory.Services);

        File.WriteAllText(Path.Combine(pack, "content/widgets.yaml"), Widgets(("blue", "Bluer widget")));
        await factory.Services.GetRequiredService<ContentReloader>().ReloadAsync(ReloadTrigger.Admin, CancellationToken.None);

        Assert.NotEqual(fingerprint, Fingerprint(factory.Services));
        var after = (await (await client.GetAsync("/api/v2/changes?since=2000-01-01T00:00:00Z")).JsonAsync()).Items().EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "widget");
        Assert.NotEqual(widget.GetProperty("contentHash").GetString(), after.GetProperty("contentHash").GetString());
        var plugins = await (await client.GetAsync("/api/v2/plugins")).JsonAsync();
        var problems = plugins.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "widget-pack").GetProperty("problems");
        Assert.Contains(problems.EnumerateArray(), p => p.GetProperty("message").GetString() == "relatedContacts: no contact 'no-such-line' is loaded");
    }

    public void Dispose() => _folders.Dispose();

    private static string Fingerprint(IServiceProvider services) => services.GetRequiredService<ContentFingerprints>().Current.Snapshot.Fingerprint;

    private static string Widgets(params (string Id, string Name)[] widgets) =>
        "items:\n" + string.Concat(widgets.Select(w => $"""
              - kind: widget
                id: {w.Id}
                name: {JsonSerializer.Serialize(w.Name)}
                relatedContacts: [no-such-line]
                {Source}
                {Review}

            """));
}
