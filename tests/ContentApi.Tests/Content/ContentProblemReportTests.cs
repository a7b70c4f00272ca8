using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Tests.Content;

/// <summary>Problem reports name the file, the line and column of the field (or of the item, for a missing field), the field and the reason.</summary>
public sealed class ContentProblemReportTests
{
    private const string Review = "review: { lastReviewed: 2026-01-10, nextReviewDue: 2026-04-10 }";
    private const string Source = "source: { publisher: Tests, url: \"https://example.org/\" }";

    [Fact]
    public void A_bad_item_in_a_yaml_list_is_reported_where_its_field_is_or_else_where_it_starts()
    {
        var yaml = $"""
            # comment
            items:
              - kind: topic
                id: first
                name: First
                {Source}
                {Review}

              - kind: topic
                id: second
                {Source}
                {Review}
              - kind: topic
                id: third
                name: Third
                {Source}
                review: {"{"} lastReviewed: 10/01/2026, nextReviewDue: 2026-04-10 {"}"}
            """;

        var content = ContentFolderReader.ReadFile(yaml, "content/topics.yaml");

        Assert.Equal(["first"], content.Topics.Select(t => t.Id));
        Assert.Equal(
            [
                new ContentProblem("content/topics.yaml:9:5 (second)", "name: is required"),
                new ContentProblem("content/topics.yaml:17:15 (third)", "review.lastReviewed: '10/01/2026' is not a date (YYYY-MM-DD)"),
            ],
            content.Problems);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line_and_column_and_refuses_that_file()
    {
        var yaml = $"""
            items:
              - kind: topic
                id: first
                name: First
                {Source}
                {Review}
              - kind: topic
                id: second
                name: "unterminated
            """;

        var content = ContentFolderReader.ReadFile(yaml, "content/topics.yaml");

        // A half-read file could drop an override or a rule without anyone noticing, so none of it is read.
        Assert.Empty(content.Topics);
        var problem = Assert.Single(content.Problems);
        var place = problem.Location.Split(':');
        Assert.Equal("content/topics.yaml", place[0]);
        Assert.InRange(int.Parse(place[1], System.Globalization.CultureInfo.InvariantCulture), 9, 10);
        Assert.True(int.Parse(place[2], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("this file is not well-formed YAML, so none of it was read: a quoted text is not closed with its quote mark", problem.Message);
    }

    [Fact]
    public void A_markdown_file_without_front_matter_is_reported_at_line_1_and_its_front_matter_from_line_2()
    {
        var missing = ContentFolderReader.ReadFile("# Just a heading\n", "content/article.md");
        var incomplete = ContentFolderReader.ReadFile($"---\nid: article\ntitle: T\n{Source}\n{Review}\n---\nBody\n", "content/article.md");

        Assert.Equal(new ContentProblem("content/article.md:1:1", "a Markdown content file must start with YAML front matter between '---' lines"), Assert.Single(missing.Problems));
        Assert.Equal(new ContentProblem("content/article.md:2:1 (article)", "summary: is required"), Assert.Single(incomplete.Problems));
    }

    [Fact]
    public void Validation_reports_carry_the_items_file_and_line_and_name_the_field()
    {
        var yaml = $"""
            items:
              - kind: contact
                id: bad-web
                name: Bad
                description: A contact with an http link.
                whoFor: Anyone.
                ageRange: {"{"} min: 16, max: 12 {"}"}
                channels: [ {"{"} type: web, value: "http://example.org" {"}"} ]
                verification: {"{"} status: verified, lastVerified: 2026-01-10 {"}"}
                {Source}
                {Review}
            """;

        var content = ContentValidator.Validate(ContentFolderReader.ReadFile(yaml, "content/contacts.yaml"));

        Assert.Empty(content.Contacts);
        Assert.Equal(
            [
                new ContentProblem("content/contacts.yaml:2:5 (contact 'bad-web')", "ageRange: 16-12 must lie within 0-25 (or max: adult, every age over 25) with min <= max"),
                new ContentProblem("content/contacts.yaml:2:5 (contact 'bad-web')", "channels[0].value: 'http://example.org' must be an absolute https address"),
            ],
            content.Problems);
    }
}
