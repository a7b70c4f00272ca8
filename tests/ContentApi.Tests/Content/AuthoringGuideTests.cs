using System.Text.Json;
using System.Text.RegularExpressions;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Content;

/// <summary>docs/authoring.md lists the fields of each kind; the schemas generated from the content model are the truth.</summary>
public sealed partial class AuthoringGuideTests
{
    [Fact]
    public void The_guides_field_lists_are_the_fields_of_the_content_model()
    {
        var guide = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "authoring.md"));
        var schemas = ContentSchemas.Generate();
        var fieldsByKind = ContentKindRegistry.Default.All.ToDictionary(kind => kind.Name, kind => FieldsOf(schemas[ContentSchemas.FileNameOf(kind)]));
        var common = fieldsByKind.Values.Aggregate((a, b) => a.Intersect(b).ToList());

        Assert.Equal(common.Order(), Listed(guide, "every kind").Order());
        foreach (var (kind, fields) in fieldsByKind)
        {
            Assert.Equal(fields.Except(common).Order(), Listed(guide, kind).Order());
        }
    }

    private static List<string> FieldsOf(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        var item = document.RootElement.GetProperty("properties").GetProperty("items").GetProperty("items");
        return item.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
    }

    private static List<string> Listed(string[] guide, string heading)
    {
        var line = guide.SingleOrDefault(l => l.StartsWith($"- **{heading}**:", StringComparison.Ordinal));
        Assert.True(line is not null, $"docs/authoring.md has no line '- **{heading}**: ...'");
        return FieldName().Matches(line).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex FieldName();
}
