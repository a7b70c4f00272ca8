using System.CommandLine;
using System.Text.RegularExpressions;
using ContentApi.Cli;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Cli;

/// <summary>The <c>contentapi</c> tool, run in-process against the national plugins this test project deploys.</summary>
public sealed class CliTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    [Fact]
    public async Task A_new_pack_for_a_force_validates_cleanly_and_a_mistake_is_reported_at_its_file_line_and_column()
    {
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");

        var (created, _) = await RunAsync("new-pack", "--force", "wiltshire", "--output", pack);
        var (valid, report) = await RunAsync("validate", pack);

        Assert.Equal(0, created);
        Assert.True(valid == 0, report);
        var schemaLine = (await File.ReadAllLinesAsync(Path.Combine(pack, "content", "contacts.yaml")))[0];
        Assert.StartsWith("# yaml-language-server: $schema=", schemaLine, StringComparison.Ordinal);
        var schema = Path.GetFullPath(Path.Combine(pack, "content", schemaLine["# yaml-language-server: $schema=".Length..]));
        Assert.Equal(ContentSchemas.Generate()[ContentSchemas.MixedFileName], await File.ReadAllTextAsync(schema));

        var contacts = Path.Combine(pack, "content", "contacts.yaml");
        await File.WriteAllTextAsync(contacts, (await File.ReadAllTextAsync(contacts)).Replace("value: \"101\"", "value: \"one-oh-one\"", StringComparison.Ordinal));
        var (invalid, problems) = await RunAsync("validate", pack);

        Assert.Equal(1, invalid);
        Assert.Matches(@"content[/\\]contacts\.yaml:\d+:\d+: error: .*'one-oh-one' is not a phone number", problems);
    }

    /// <summary>Each mistake an author made in issue 11, applied to a fresh pack: (file, text to find, replacement, expected line).</summary>
    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "contacts.yaml", "professionals]", "professionals", @"contacts\.yaml:14:16: error: this file is not well-formed YAML, so none of it was read: a list opened with '\[' here is not closed" },
        { "contacts.yaml", "overrides: police-101", "overides: police-101", @"contacts\.yaml:7:5: error: \(wiltshire-101\): overides: .*did you mean `overrides`\?" },
        { "local-guidance.md", "[police.uk](https://www.police.uk/)", "[police.uk](http://www.police.uk/)", @"local-guidance\.md:17:1: error: \(wiltshire-local-guidance\): body: link 'http://www.police.uk/' must be an absolute https" },
        { "contacts.yaml", "id: wiltshire-101\n    overrides: police-101\n", "id: police-101\n", @"contacts\.yaml:5:5: error: \(contact 'police-101'\): id: contact 'police-101' \(en-GB\) is already supplied by plugin 'signposting'" },
        { "contacts.yaml", "overrides: police-101", "overrides: police-110", @"contacts\.yaml:5:5: error: \(contact 'wiltshire-101'\): overrides: no national contact 'police-110' is loaded" },
        { "local-guidance.md", "summary:", "sumary:", @"local-guidance\.md:5:1: error: \(wiltshire-local-guidance\): sumary: .*did you mean `summary`\?" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Validate_prints_each_authors_mistake_at_its_file_line_and_column_and_exits_non_zero(string file, string find, string replace, string expected)
    {
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");
        await RunAsync("new-pack", "--force", "wiltshire", "--output", pack);
        await File.WriteAllTextAsync(Path.Combine(pack, "content", "local-guidance.md"), LocalGuidance);
        var path = Path.Combine(pack, "content", file);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(find, replace, StringComparison.Ordinal));

        var (exit, problems) = await RunAsync("validate", pack);

        Assert.Equal(1, exit);
        Assert.True(Regex.IsMatch(problems, expected), problems);
        Assert.DoesNotMatch(@"Exception|ContentApi\.Content\.", problems);
    }

    [Fact]
    public async Task A_date_only_updated_stamp_is_a_warning_at_its_file_line_and_column_and_exits_zero()
    {
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");
        await RunAsync("new-pack", "--force", "wiltshire", "--output", pack);
        await File.WriteAllTextAsync(Path.Combine(pack, "content", "local-guidance.md"), LocalGuidance.Replace("summary:", "updated: 2026-11-30\nsummary:", StringComparison.Ordinal));

        var (exit, problems) = await RunAsync("validate", pack);

        Assert.True(exit == 0, problems);
        Assert.Matches(@"local-guidance\.md:\d+:\d+: warning: .*updated: 2026-11-30 gives no time of day", problems);
        Assert.Contains("wiltshire-pack: 0 errors, 1 warnings", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_force_id_is_refused_with_a_suggestion()
    {
        var (exit, output) = await RunAsync("new-pack", "--force", "wilts", "--output", Path.Combine(_folders.Root, "x"));

        Assert.Equal(1, exit);
        Assert.Contains("Did you mean wiltshire?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_built_code_plugin_is_loaded_from_its_assembly_and_each_invalid_item_it_returns_is_reported()
    {
        var valid = _folders.AddFixture("RecordingPlugin");
        var invalid = _folders.AddFixture("InvalidContentPlugin");

        var (validExit, report) = await RunAsync("validate", valid);
        var (invalidExit, problems) = await RunAsync("validate", invalid);

        Assert.True(validExit == 0, report);
        Assert.Contains("recording: 0 errors, 0 warnings", report, StringComparison.Ordinal);
        Assert.Equal(1, invalidExit);
        Assert.Matches(@"InvalidContentPlugin[/\\]plugin\.json:1:1: error: contact \(contact 'fixture-http-link'\): channels\[0\]\.value: 'http://example\.org/help' must be an absolute https", problems);
        Assert.Matches(@"InvalidContentPlugin[/\\]plugin\.json:1:1: error: contact \(contact 'fixture-bad-phone'\): channels\[0\]\.value: 'call us' is not a phone number", problems);
    }

    [Fact]
    public async Task A_code_plugins_project_folder_is_refused_naming_the_build_output_to_validate_instead()
    {
        var project = _folders.AddFolder("Recording.Plugin", new Dictionary<string, string>
        {
            ["Recording.Plugin.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\" />",
            ["plugin.json"] = await File.ReadAllTextAsync(Path.Combine(PluginFolders.FixtureRoot, "RecordingPlugin", "plugin.json")),
        });

        var (unbuiltExit, unbuilt) = await RunAsync("validate", project);
        var output = _folders.AddFixture("RecordingPlugin", Path.Combine("Recording.Plugin", "bin", "Release", "net10.0"));
        var (builtExit, built) = await RunAsync("validate", project);
        var (outputExit, report) = await RunAsync("validate", output);

        Assert.Equal((1, 1), (unbuiltExit, builtExit));
        Assert.Matches(@"plugin\.json:1:1: error: this is the plugin's project folder; .*build it \(dotnet build -c Release\), then run contentapi validate \S*bin[/\\]Release[/\\]net10\.0", unbuilt);
        var suggested = Regex.Match(built, @"run contentapi validate (?<path>\S+) \(rebuild first").Groups["path"].Value;
        Assert.Equal(output, Path.GetFullPath(suggested));
        Assert.True(outputExit == 0, report);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ContentApiCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    public void Dispose() => _folders.Dispose();

    // Front matter on lines 2 to 10 of the file; the body's link is on line 17.
    private const string LocalGuidance = """
        ---
        kind: guidance
        id: wiltshire-local-guidance
        title: "Getting help in Wiltshire"
        summary: "Who parents in Wiltshire can call when a nude image of a child has been shared."
        audiences: [parents-carers]
        topics: [sharing-nudes]
        relatedContacts: [wiltshire-101, childline]
        source: { publisher: "Wiltshire Police", url: "https://www.wiltshire.police.uk/" }
        review: { lastReviewed: 2026-11-29, nextReviewDue: 2099-11-29, owner: "Wiltshire Police" }
        ---

        ## Get help

        Call 999 if a child is in danger now. Otherwise call 101.

        More on [police.uk](https://www.police.uk/).
        """;
}
