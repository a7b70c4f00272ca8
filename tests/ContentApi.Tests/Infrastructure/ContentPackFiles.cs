using System.Text.Json;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The files of a force's no-code content pack, written by hand in the shared content format: a local 101 contact
/// that overrides the national one and a local guidance article.
/// </summary>
public static class ContentPackFiles
{
    public const string ForceId = "test-force";

    public static Dictionary<string, string> Pack(string id = "test-force-pack", bool yamlManifest = false, string email = "101@test-force.example.org") => new()
    {
        [yamlManifest ? "plugin.yaml" : "plugin.json"] = yamlManifest ? YamlManifest(id) : JsonManifest(id),
        ["content/contacts.yaml"] = Contacts(email),
        ["content/local-guidance.md"] = Guidance,
    };

    /// <summary>A minimal valid manifest with the given id and, optionally, another contract range or an assembly.</summary>
    public static string Manifest(string id, string contract = "1.0", string? assembly = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id,
            ["name"] = $"Test plugin {id}",
            ["version"] = "1.0.0",
            ["publisher"] = "Tests",
            ["contractVersion"] = contract,
            ["assembly"] = assembly,
        }.Where(p => p.Value is not null).ToDictionary());

    public static string JsonManifest(string id) => $$"""
        { "id": "{{id}}", "name": "Test Force Police", "version": "1.0.0", "publisher": "Test Force Police",
          "contractVersion": "1.0", "forceId": "{{ForceId}}" }
        """;

    public static string YamlManifest(string id) => $"""
        # A content pack's manifest may be YAML too.
        id: {id}
        name: Test Force Police
        version: 1.0.0
        publisher: Test Force Police
        contractVersion: "1.0"
        forceId: {ForceId}
        """;

    public static string Contacts(string email) => $"""
        items:
          - kind: contact
            id: test-force-101
            overrides: police-101
            name: "Test Force Police (101)"
            description: "Call 101 to talk to Test Force police when nobody is in immediate danger."
            whoFor: "Anyone in the Test Force area."
            category: local
            channels:
              - type: phone
                value: "101"
              - type: email
                value: "{email}"
            verification: {"{"} status: verified, lastVerified: 2026-01-10 {"}"}
            source: {"{"} publisher: "Test Force Police", url: "https://test-force.example.org/" {"}"}
            review: {"{"} lastReviewed: 2026-01-10, nextReviewDue: 2099-12-31, owner: "Test Force web team" {"}"}
        """;

    /// <summary>A guidance article dated by <paramref name="updated"/>, for tests of what changed when (<paramref name="extra"/> adds front matter lines).</summary>
    public static string DatedGuidance(string id, string title, string body, string updated, string extra = "", string lastReviewed = "2027-01-01", string nextReviewDue = "2028-01-01") => $"""
        ---
        kind: guidance
        id: {id}
        title: {title}
        summary: A summary of {title}.
        audiences: [parents-carers]
        source: {"{"} publisher: "Test force", url: "https://example.org/" {"}"}
        review: {"{"} lastReviewed: {lastReviewed}, nextReviewDue: {nextReviewDue}, owner: "Test force" {"}"}
        updated: {updated}
        {extra}---

        {body}
        """;

    public const string Guidance = """
        ---
        kind: guidance
        id: test-force-local-advice
        title: "Getting help in the Test Force area"
        summary: "Where parents in the Test Force area can get help when a nude image has been shared."
        audiences: [parents-carers]
        topics: [sharing-nudes]
        relatedContacts: [test-force-101, childline]
        source: { publisher: "Test Force Police", url: "https://test-force.example.org/" }
        review: { lastReviewed: 2026-01-10, nextReviewDue: 2099-12-31, owner: "Test Force web team" }
        ---

        ## Get help

        Call 999 if a child is in immediate danger. Otherwise call 101.
        """;
}
