using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Content;

/// <summary>The content file format's contract 1.1 fields, translations and signposting rules.</summary>
public sealed class ContentFormatTests
{
    // The fields every item needs, indented to sit inside an item of an items: list.
    private const string Common = """
            source: { publisher: "P", url: "https://example.org/" }
            review: { lastReviewed: 2026-11-29, nextReviewDue: 2027-02-28, owner: "O" }
        """;

    // An English contact with two channels, opening an items: list that a test adds a translation to.
    private const string Helpline = $$"""
        items:
          - kind: contact
            id: line
            name: "Helpline"
            description: "Call us."
            whoFor: "Anyone."
            ageRange: { min: 0, max: 18 }
            channels:
              - { type: phone, value: "0800 1111", label: "Call", hours: { alwaysOpen: true } }
              - { type: web, value: "https://example.org/", label: "Website" }
            verification: { status: verified, lastVerified: 2026-11-29 }
        {{Common}}
        """;

    [Fact]
    public void A_translation_takes_numbers_and_facts_from_its_original_and_only_its_own_words()
    {
        var content = Read($"""
            {Helpline}
              - kind: contact
                id: line
                locale: cy-GB
                translationStatus: needs-review
                name: "Llinell gymorth"
                description: "Ffoniwch ni."
                whoFor: "Unrhyw un."
                channels:
                  - {"{"} type: phone, value: "0800 1111", label: "Ffoniwch" {"}"}
            """);

        Assert.Empty(content.Problems);
        var welsh = content.Contacts.Single(c => c.Locale == "cy-GB");
        Assert.Equal("Ffoniwch ni.", welsh.Description);
        Assert.Equal(new AgeRange(0, 18), welsh.AgeRange);
        Assert.Equal(TranslationStatus.NeedsReview, welsh.TranslationStatus);
        Assert.Equal(["Ffoniwch", "Website"], welsh.Channels.Select(c => c.Label));
        Assert.True(welsh.Channels[0].Hours!.AlwaysOpen);
        Assert.Equal(VerificationStatus.Verified, welsh.Verification.Status);
        Assert.Equal(TranslationStatus.Reviewed, content.Contacts.Single(c => c.Locale == "en-GB").TranslationStatus);
    }

    [Fact]
    public void English_words_are_never_inherited_by_a_translation()
    {
        var content = Read($"""
            items:
              - kind: topic
                id: t
                name: "English"
                description: "English description."
            {Common}
              - kind: topic
                id: t
                locale: cy-GB
                description: "Disgrifiad."
            """);

        Assert.Single(content.Topics);
        Assert.Contains(content.Problems, p => p.Message == "name: is required");
    }

    [Fact]
    public void A_translated_channel_must_name_a_channel_of_the_original()
    {
        var content = Read($"""
            {Helpline}
              - kind: contact
                id: line
                locale: cy-GB
                name: "Llinell"
                description: "Ffoniwch."
                whoFor: "Unrhyw un."
                channels: [ {"{"} type: phone, value: "0800 2222", label: "Anghywir" {"}"} ]
            """);

        Assert.Contains(content.Problems, p => p.Message.Contains("'0800 2222' is not a channel", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_1_1_fields_are_read_and_a_withdrawn_item_needs_its_notice()
    {
        var content = Read($"""
            items:
              - kind: topic
                id: gone
                name: "Gone"
                status: withdrawn
                withdrawal: {"{"} on: 2027-01-12, reason: "No longer needed.", replacedBy: other {"}"}
                updated: 2027-01-12T09:30:00Z
                firstPublished: 2026-01-01
                licence: {"{"} name: "Custom", url: "https://example.org/licence" {"}"}
                attribution: "© Example"
            {Common}
              - kind: topic
                id: half-gone
                name: "Half"
                status: withdrawn
            {Common}
              - kind: topic
                id: dated
                name: "Dated"
                updated: 2027-01-12
            {Common}
            """);

        var gone = content.Topics.Single(t => t.Id == "gone");
        Assert.Equal(ContentStatus.Withdrawn, gone.Status);
        Assert.Equal(new WithdrawalNotice(new DateOnly(2027, 1, 12), "No longer needed.", "other"), gone.Withdrawal);
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 9, 30, 0, TimeSpan.Zero), gone.Updated);
        Assert.Equal(new DateOnly(2026, 1, 1), gone.FirstPublished);
        Assert.Equal("Custom", gone.Licence.Name);
        Assert.Equal("© Example", gone.Attribution);
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 0, 0, 0, TimeSpan.Zero), content.Topics.Single(t => t.Id == "dated").Updated);
        Assert.Equal(ContentLicence.OpenGovernmentLicence3, content.Topics.Single(t => t.Id == "dated").Licence);
        Assert.DoesNotContain(content.Topics, t => t.Id == "half-gone");
        Assert.Contains(content.Problems, p => p.Message.StartsWith("withdrawal:", StringComparison.Ordinal));
    }

    [Fact]
    public void Signposting_rules_need_one_target_and_child_rules_are_for_adults_asking()
    {
        var content = Read($"""
            items:
              - kind: signposting-rule
                id: good
                tier: helplines
                contact: childline
                askers: [parent-carer]
                usedBy: child
                topics: [sextortion]
                ageRange: {"{"} min: 0, max: 17 {"}"}
                reason: "Your child can call."
            {Common}
              - kind: signposting-rule
                id: two-targets
                tier: local
                contact: police-101
                contactCategory: local
                reason: "Both."
            {Common}
              - kind: signposting-rule
                id: child-for-a-child
                tier: helplines
                contact: childline
                askers: [young-person]
                usedBy: child
                reason: "Wrong."
            {Common}
              - kind: signposting-rule
                id: no-tier
                contact: childline
                reason: "No tier."
            {Common}
            """);

        var rule = Assert.Single(content.SignpostingRules);
        Assert.Equal(SignpostingTier.Helplines, rule.Tier);
        Assert.Equal(SignpostingUser.Child, rule.UsedBy);
        Assert.Equal([SignpostingAsker.ParentCarer], rule.Askers);
        Assert.Contains(content.Problems, p => p.Location.Contains("two-targets", StringComparison.Ordinal));
        Assert.Contains(content.Problems, p => p.Location.Contains("child-for-a-child", StringComparison.Ordinal));
        Assert.Contains(content.Problems, p => p.Message == "tier: is required");
    }

    [Fact]
    public void A_guidance_body_with_raw_html_is_refused_with_its_line()
    {
        var content = Read("""
            ---
            kind: guidance
            id: bad
            title: Bad
            summary: Bad.
            audiences: [parents-carers]
            source: { publisher: "P", url: "https://example.org/" }
            review: { lastReviewed: 2026-11-29, nextReviewDue: 2027-02-28, owner: "O" }
            ---

            Fine.

            <script>alert(1)</script>
            """, "bad.md");

        Assert.Empty(content.Guidance);
        Assert.Contains(content.Problems, p => p.Message.Contains("raw HTML is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plugin_declaring_contract_1_0_still_loads_on_this_1_3_host()
    {
        Assert.Equal(new Version(1, 3, 0), ContractVersion.Current);
        await using var host = await TestHost.Start(o => o.WithPlugins(folders => folders.AddFolder("old", new Dictionary<string, string>
        {
            ["plugin.json"] = """{ "id": "old", "name": "Old", "version": "1.0.0", "publisher": "P", "contractVersion": "1.0" }""",
            ["content/topics.yaml"] = $"items:\n  - kind: topic\n    id: old-topic\n    name: Old\n{Common}\n",
        })));

        var plugins = await (await host.Client.GetAsync("/api/v2/plugins")).JsonAsync();

        var old = plugins.GetProperty("plugins").EnumerateArray().Single();
        Assert.Equal("healthy", old.GetProperty("status").GetString());
        Assert.Equal(1, old.GetProperty("items").GetProperty("topics").GetInt32());
        Assert.Equal("1.3.0", plugins.GetProperty("contractVersion").GetString());
    }

    private static PluginContent Read(string text, string fileName = "items.yaml") =>
        ContentValidator.Validate(ContentFolderReader.ReadFile(text, fileName));
}
