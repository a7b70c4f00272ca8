using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Content;

/// <summary>
/// Reader errors teach: each names the file, the line and column in the file, and the field; a misspelt field gets a
/// suggestion; broken YAML refuses that file only; no exception text or .NET type name reaches an author.
/// </summary>
public sealed class TeachingErrorTests : IDisposable
{
    private const string Source = "source: { publisher: Tests, url: \"https://example.org/\" }";
    private const string Review = "review: { lastReviewed: 2026-01-10, nextReviewDue: 2027-12-10 }";

    private readonly PluginFolders _folders = new();

    [Fact]
    public void A_misspelt_field_is_reported_where_it_is_with_the_field_it_was_meant_to_be()
    {
        var yaml = $"""
            items:
              - kind: contact
                id: test-force-101
                overides: police-101
                name: Test Force Police
                {Source}
                {Review}
            """;

        var problem = Assert.Single(ContentFolderReader.ReadFile(yaml, "content/contacts.yaml").Problems);

        Assert.Equal(new ContentProblem("content/contacts.yaml:4:5 (test-force-101)", "overides: is not a field of a contact item; did you mean `overrides`?"), problem);
    }

    [Fact]
    public void A_misspelt_nested_field_and_a_value_of_the_wrong_shape_are_reported_at_their_own_place()
    {
        var yaml = """
            items:
              - kind: topic
                id: first
                name: First
                source: { publsher: Tests, url: "https://example.org/" }
                review: { lastReviewed: 2026-01-10, nextReviewDue: 2027-12-10 }
                ageRange: { min: eight, max: 10 }
            """;

        var problems = ContentFolderReader.ReadFile(yaml, "content/topics.yaml").Problems;

        Assert.Equal(
            [
                new ContentProblem("content/topics.yaml:5:15 (first)", "source.publsher: is not a field of source; did you mean `publisher`?"),
                new ContentProblem("content/topics.yaml:7:22 (first)", "ageRange.min: should be a whole number"),
            ],
            problems);
        Assert.DoesNotContain(problems, p => p.Message.Contains("ContentApi.", StringComparison.Ordinal) || p.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unclosed_bracket_refuses_that_file_only_at_its_line_and_column()
    {
        var pack = _folders.AddFolder("pack", new Dictionary<string, string>
        {
            ["content/broken.yaml"] = $"items:\n  - kind: topic\n    id: broken\n    name: Broken\n    topics: [one, two\n    {Source}\n    {Review}\n",
            ["content/fine.yaml"] = $"items:\n  - kind: topic\n    id: fine\n    name: Fine\n    {Source}\n    {Review}\n",
            ["content/article.md"] = Article("Body text."),
        });

        var content = await ContentFolderReader.ReadPluginAsync(pack, CancellationToken.None);

        Assert.Equal(["fine"], content.Topics.Select(t => t.Id));
        Assert.Equal(["an-article"], content.Guidance.Select(g => g.Id));
        var problem = Assert.Single(content.Problems);
        // The parser notices lines later and gives no reason (only "Operation is not valid..."): the author is sent to the '['.
        Assert.Equal("this file is not well-formed YAML, so none of it was read: a list opened with '[' here is not closed with ']' (or a ',' is missing between its entries)", problem.Message);
        Assert.Equal("content/broken.yaml:5:13", problem.Location);
    }

    [Fact]
    public void Front_matter_and_body_problems_are_counted_in_lines_of_the_file()
    {
        var badField = ContentFolderReader.ReadFile(Article("Body.").Replace("summary: A summary.", "summary: [not, text]", StringComparison.Ordinal), "content/article.md");
        var badBody = ContentFolderReader.ReadFile(Article("First line.\n\nSecond paragraph.\n\n<script>alert(1)</script>\n"), "content/article.md");

        Assert.Equal(new ContentProblem("content/article.md:5:10 (an-article)", "summary: should be text, not a list or fields (put it in quotes if it contains ': ')"), Assert.Single(badField.Problems));
        // The body starts on line 11 of the file: the raw HTML on its fifth line is line 15.
        Assert.Equal(new ContentProblem("content/article.md:15:1 (an-article)", "body: raw HTML is not allowed"), Assert.Single(badBody.Problems));
        Assert.Empty(badBody.Guidance);
    }

    public void Dispose() => _folders.Dispose();

    private static string Article(string body) => $"""
        ---
        kind: guidance
        id: an-article
        title: An article
        summary: A summary.
        audiences: [parents-carers]
        {Source}
        {Review}
        ---

        {body}
        """;
}
