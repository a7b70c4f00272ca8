using System.Net;
using System.Text.Json;
using ContentApi.Content;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Kinds;

/// <summary>
/// The JSON Schemas of content files are generated from the kinds' document types. The committed <c>schemas/</c>
/// folder must match what the model generates; regenerate deliberately with
/// <c>UPDATE_SCHEMAS=1 dotnet test --filter ContentSchema</c> and commit the result.
/// </summary>
public sealed class ContentSchemaTests(DefaultHost factory) : IClassFixture<DefaultHost>
{
    private static readonly string SchemaFolder = Path.Combine(Repository.Root, "schemas");

    [Fact]
    public void The_committed_schemas_match_the_content_model()
    {
        var generated = ContentSchemas.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(SchemaFolder);
            foreach (var stale in Directory.GetFiles(SchemaFolder, "*.schema.json").Where(f => !generated.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (file, text) in generated)
            {
                File.WriteAllText(Path.Combine(SchemaFolder, file), text);
            }
        }

        var committed = Directory.Exists(SchemaFolder)
            ? Directory.GetFiles(SchemaFolder, "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(generated.Keys.SequenceEqual(committed),
            $"schemas/ holds [{string.Join(", ", committed)}] but the kinds generate [{string.Join(", ", generated.Keys)}]: run UPDATE_SCHEMAS=1 dotnet test --filter ContentSchema");
        foreach (var (file, text) in generated)
        {
            Assert.True(text == File.ReadAllText(Path.Combine(SchemaFolder, file)).ReplaceLineEndings("\n"),
                $"schemas/{file} differs from the content model: run UPDATE_SCHEMAS=1 dotnet test --filter ContentSchema and commit the result");
        }
    }

    [Fact]
    public void A_kinds_schema_lists_its_own_fields_refuses_others_and_gives_the_words_of_word_fields()
    {
        using var contact = JsonDocument.Parse(ContentSchemas.Generate()["contact.schema.json"]);
        var item = contact.RootElement.GetProperty("properties").GetProperty("items").GetProperty("items");

        Assert.Equal("contact", item.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());
        Assert.True(item.GetProperty("properties").TryGetProperty("overrides", out _));
        Assert.True(item.GetProperty("properties").TryGetProperty("whoFor", out _));
        Assert.False(item.GetProperty("properties").TryGetProperty("body", out _));
        Assert.False(item.GetProperty("additionalProperties").GetBoolean());
        var categories = item.GetProperty("properties").GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.ToString());
        Assert.Contains("image-removal", categories);
    }

    [Fact]
    public async Task The_host_serves_each_schema_and_a_problem_for_an_unknown_one()
    {
        using var client = factory.CreateClient();

        var served = await client.GetAsync("/schemas/contact.schema.json");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/schema+json", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ContentSchemas.Generate()["contact.schema.json"], await served.Content.ReadAsStringAsync());
        var missing = await (await client.GetAsync("/schemas/nothing.schema.json")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("contact.schema.json", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
