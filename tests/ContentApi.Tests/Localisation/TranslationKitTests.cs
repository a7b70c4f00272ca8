using System.CommandLine;
using System.Xml.Linq;
using ContentApi.Cli;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Localisation;

/// <summary>
/// The translation kit (<c>contentapi translations</c>) on copies of the first-party plugins: export to XLIFF 2.0, a
/// translator's file coming back, import into the content files, and the report before and after.
/// </summary>
public sealed class TranslationKitTests : IDisposable
{
    private static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:2.0";
    private readonly PluginFolders _folders = new();

    public TranslationKitTests()
    {
        foreach (var plugin in new[] { "Guidance", "Signposting", "AgeBands" })
        {
            _folders.AddFirstParty(plugin);
        }
    }

    [Fact]
    public async Task Export_writes_xliff_2_of_every_untranslated_string_with_notes_on_who_reads_it()
    {
        var file = Path.Combine(_folders.Root, "cy.xlf");

        var (exit, output) = await RunAsync("translations", "export", "--locale", "cy-GB", "--output", file, _folders.Root);

        Assert.True(exit == 0, output);
        var xliff = XDocument.Load(file).Root!;
        Assert.Equal(Xliff + "xliff", xliff.Name);
        Assert.Equal("2.0", (string?)xliff.Attribute("version"));
        Assert.Equal("en-GB", (string?)xliff.Attribute("srcLang"));
        Assert.Equal("cy-GB", (string?)xliff.Attribute("trgLang"));
        var units = xliff.Descendants(Xliff + "unit").ToList();
        Assert.Equal(units.Count, units.Select(u => (string?)u.Attribute("id")).Distinct().Count());
        Assert.All(units, u => Assert.Single(u.Elements(Xliff + "segment").Elements(Xliff + "source")));

        // Translated items are not exported; untranslated ones are, with context a string alone cannot give.
        var groups = xliff.Descendants(Xliff + "group").ToDictionary(g => (string)g.Attribute("id")!);
        Assert.DoesNotContain("contact.childline", groups.Keys);
        var advice = groups["advice.4-7-online-grooming-young-people"];
        Assert.Equal("4-7", Note(advice, "age-band"));
        Assert.Equal("young-people", Note(advice, "audience"));
        Assert.Contains("reading age about 9", Note(advice, "reading-age"), StringComparison.Ordinal);
        Assert.Contains("age-band advice", Note(advice, "kind"), StringComparison.Ordinal);
        var rule = groups.Values.First(g => g.Descendants(Xliff + "unit").Any(u => (string?)u.Attribute("name") == "reasons.4-7"));
        var youngest = rule.Descendants(Xliff + "unit").First(u => (string?)u.Attribute("name") == "reasons.4-7");
        Assert.Contains("reading age about 6", Note(youngest, "reading-age"), StringComparison.Ordinal);
        Assert.Contains($"{units.Count} strings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translated_file_imports_as_valid_content_marked_needs_review_with_the_translator_and_the_report_changes()
    {
        var (_, before) = await RunAsync("translations", "report", "--locale", "cy-GB", _folders.Root);
        var file = Path.Combine(_folders.Root, "cy.xlf");
        await RunAsync("translations", "export", "--locale", "cy-GB", "--output", file, _folders.Root);
        var returned = TranslateEverything(XDocument.Load(file));
        await File.WriteAllTextAsync(file, returned.ToString());

        var (exit, output) = await RunAsync("translations", "import", file, "--translator", "Test Translator", _folders.Root);

        Assert.True(exit == 0, output);
        Assert.Matches(@"advice\s+32\s+0\s+4\s+0\s+28\s+12%", before);
        var (_, after) = await RunAsync("translations", "report", "--locale", "cy-GB", _folders.Root);
        Assert.Matches(@"advice\s+32\s+0\s+32\s+0\s+0\s+100%", after);
        Assert.Matches(@"guidance\s+15\s+0\s+15\s+0\s+0\s+100%", after);

        foreach (var plugin in Directory.GetDirectories(_folders.Root))
        {
            var content = await ContentFolderReader.ReadPluginAsync(plugin, CancellationToken.None);
            Assert.True(content.Problems.Count == 0, string.Join("\n", content.Problems));
            var imported = content.Advice.Where(a => a.Locale == "cy-GB" && a.Translation?.Translator == "Test Translator").ToList();
            Assert.All(imported, a => Assert.Equal(Abstractions.TranslationStatus.NeedsReview, a.TranslationStatus));
            Assert.All(imported, a => Assert.StartsWith("[cy] ", a.Title, StringComparison.Ordinal));
        }

        var guidance = await ContentFolderReader.ReadPluginAsync(Path.Combine(_folders.Root, "Guidance"), CancellationToken.None);
        var article = guidance.Guidance.Single(g => g.Id == "talking-to-your-child" && g.Locale == "cy-GB");
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), article.Translation!.Translated);
        Assert.StartsWith("[cy] ", article.BodyMarkdown, StringComparison.Ordinal);
        var (_, nothingLeft) = await RunAsync("translations", "export", "--locale", "cy-GB", "--output", file, _folders.Root);
        Assert.Contains(": 0 strings in 0 items", nothingLeft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_to_the_english_makes_the_translation_stale_and_the_next_import_replaces_it_in_place()
    {
        var rules = Path.Combine(_folders.Root, "Signposting", "content", "signposting-rules.cy-GB.yaml");
        var contacts = Path.Combine(_folders.Root, "Signposting", "content", "contacts.yaml");
        var english = await File.ReadAllTextAsync(contacts);
        await File.WriteAllTextAsync(contacts, english.Replace("name: \"Childline\"", "name: \"Childline (NSPCC)\"", StringComparison.Ordinal));
        var welshBefore = await File.ReadAllTextAsync(Path.Combine(_folders.Root, "Signposting", "content", "contacts.cy-GB.yaml"));
        var rulesBefore = await File.ReadAllTextAsync(rules);

        var (_, report) = await RunAsync("translations", "report", "--locale", "cy-GB", _folders.Root);
        var file = Path.Combine(_folders.Root, "cy.xlf");
        await RunAsync("translations", "export", "--locale", "cy-GB", "--output", file, _folders.Root);
        var exported = XDocument.Load(file);

        Assert.Contains("stale: Signposting: contact 'childline'", report, StringComparison.Ordinal);
        var childline = exported.Descendants(Xliff + "group").Single(g => (string?)g.Attribute("id") == "contact.childline");
        Assert.StartsWith("Childline", Note(childline.Descendants(Xliff + "unit").First(), "previous-translation"), StringComparison.Ordinal);
        var signposting = await ContentFolderReader.ReadPluginAsync(Path.Combine(_folders.Root, "Signposting"), CancellationToken.None);
        Assert.Equal(Abstractions.TranslationStatus.Stale, signposting.Contacts.Single(c => c.Id == "childline" && c.Locale == "cy-GB").TranslationStatus);

        await File.WriteAllTextAsync(file, TranslateEverything(exported).ToString());
        var (exit, output) = await RunAsync("translations", "import", file, "--translator", "Second Translator", _folders.Root);

        Assert.True(exit == 0, output);
        var welshAfter = await File.ReadAllTextAsync(Path.Combine(_folders.Root, "Signposting", "content", "contacts.cy-GB.yaml"));
        Assert.Contains("[cy] Childline (NSPCC)", welshAfter, StringComparison.Ordinal);
        Assert.Equal(welshBefore.Split('\n').Take(10), welshAfter.Split('\n').Take(10)); // the file's header and first item are untouched
        Assert.StartsWith(rulesBefore.TrimEnd(), await File.ReadAllTextAsync(rules), StringComparison.Ordinal); // new rules are added after the old
        signposting = await ContentFolderReader.ReadPluginAsync(Path.Combine(_folders.Root, "Signposting"), CancellationToken.None);
        Assert.Empty(signposting.Problems);
        var updated = signposting.Contacts.Single(c => c.Id == "childline" && c.Locale == "cy-GB");
        Assert.Equal(Abstractions.TranslationStatus.NeedsReview, updated.TranslationStatus);
        Assert.Equal("Second Translator", updated.Translation!.Translator);
        Assert.Equal(
            signposting.Contacts.Single(c => c.Id == "childline" && c.Locale == "en-GB").Channels.Select(c => c.Value),
            updated.Channels.Select(c => c.Value));
    }

    [Fact]
    public async Task An_item_left_half_translated_is_not_imported_and_says_which_strings_are_missing()
    {
        var file = Path.Combine(_folders.Root, "cy.xlf");
        await RunAsync("translations", "export", "--locale", "cy-GB", "--output", file, _folders.Root);
        var returned = TranslateEverything(XDocument.Load(file));
        var half = returned.Descendants(Xliff + "group").Single(g => (string?)g.Attribute("id") == "guidance.talking-to-your-child");
        half.Descendants(Xliff + "target").First().Remove();
        await File.WriteAllTextAsync(file, returned.ToString());

        var (exit, output) = await RunAsync("translations", "import", file, "--translator", "Test Translator", _folders.Root);

        Assert.True(exit == 0, output);
        Assert.Matches(@"guidance 'talking-to-your-child': warning: 1 of \d+ strings are not translated \(title\); not imported", output);
        Assert.False(File.Exists(Path.Combine(_folders.Root, "Guidance", "content", "cy-GB", "talking-to-your-child.md")));
    }

    [Fact]
    public async Task A_file_that_is_not_xliff_2_is_refused_with_a_reason()
    {
        var file = Path.Combine(_folders.Root, "old.xlf");
        await File.WriteAllTextAsync(file, "<xliff version=\"1.2\"><file/></xliff>");

        var (exit, output) = await RunAsync("translations", "import", file, "--translator", "T", _folders.Root);

        Assert.Equal(1, exit);
        Assert.Contains("not an XLIFF 2.0 file", output, StringComparison.Ordinal);
    }

    private static XDocument TranslateEverything(XDocument document)
    {
        foreach (var segment in document.Descendants(Xliff + "segment"))
        {
            segment.SetAttributeValue("state", "translated");
            segment.Add(new XElement(Xliff + "target", "[cy] " + segment.Element(Xliff + "source")!.Value));
        }

        return document;
    }

    private static string Note(XElement element, string category) =>
        element.Element(Xliff + "notes")?.Elements(Xliff + "note").FirstOrDefault(n => (string?)n.Attribute("category") == category)?.Value
        ?? throw new Xunit.Sdk.XunitException($"no {category} note on {element.Attribute("id")}");

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ContentApiCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    public void Dispose() => _folders.Dispose();
}
