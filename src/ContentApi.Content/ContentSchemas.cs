using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContentApi.Content;

/// <summary>
/// JSON Schemas of content files, generated from each kind's document type, so editors (through a
/// <c># yaml-language-server: $schema=...</c> line) autocomplete fields and underline mistakes exactly as the reader
/// would report them. One schema per kind (<c>contact.schema.json</c>: a file of contacts) and one for a file that
/// mixes kinds (<c>content.schema.json</c>).
/// </summary>
public static class ContentSchemas
{
    /// <summary>The schema of a file that may hold items of any kind.</summary>
    public const string MixedFileName = "content.schema.json";

    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        // Unknown fields are errors in the reader, so the schema says additionalProperties: false.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions SchemaText = new() { WriteIndented = true };

    /// <summary>The schema file name of a kind's files.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>contact.schema.json</c>.</returns>
    public static string FileNameOf(ContentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return $"{kind.Name}.schema.json";
    }

    /// <summary>Every schema, by file name, as indented JSON text with a final newline.</summary>
    /// <param name="kinds">The kinds; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>File name to schema text.</returns>
    public static IReadOnlyDictionary<string, string> Generate(ContentKindRegistry? kinds = null)
    {
        kinds ??= ContentKindRegistry.Default;
        var schemas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in kinds.All)
        {
            schemas[FileNameOf(kind)] = Text(File($"A content file of {kind.Name} items", ItemSchema(kind)));
        }

        var anyKind = new JsonObject { ["anyOf"] = new JsonArray([.. kinds.All.Select(k => (JsonNode)ItemSchema(k))]) };
        schemas[MixedFileName] = Text(File("A content file of items of any kind", anyKind));
        return schemas;
    }

    private static JsonObject File(string title, JsonObject itemSchema) => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = title,
        ["type"] = "object",
        ["properties"] = new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = itemSchema } },
        ["required"] = new JsonArray("items"),
        ["additionalProperties"] = false,
    };

    private static JsonObject ItemSchema(ContentKind kind)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(DocumentJson, kind.DocumentType, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Describe,
        }).AsObject();
        schema["title"] = $"A {kind.Name} item";
        schema["properties"]!["kind"] = new JsonObject { ["const"] = kind.Name };
        // A Markdown file's kind defaults to guidance; in a YAML file every item names its kind and id.
        schema["required"] = new JsonArray("kind", "id");
        return schema;
    }

    // YAML writes 101 or true without quotes where a text field is meant, and the reader accepts them as text.
    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is JsonObject node && context.TypeInfo.Type == typeof(string) && context.PropertyInfo is not null)
        {
            node["type"] = new JsonArray("string", "number", "boolean", "null");
        }

        if (schema is JsonObject withWords && context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(WordsAttribute), false) is [WordsAttribute words, ..])
        {
            // On a list of words the words are its elements'.
            var target = withWords["items"] as JsonObject ?? withWords;
            target["enum"] = new JsonArray([.. words.Names.Select(n => (JsonNode)JsonValue.Create(n)!), null]);
        }

        return schema;
    }

    private static string Text(JsonNode schema) => schema.ToJsonString(SchemaText).ReplaceLineEndings("\n") + "\n";
}

/// <summary>Marks a text field whose value is one of an enum's kebab-case words, so its schema lists them.</summary>
/// <param name="enumType">The contract enum, for example <c>ContactCategory</c>.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WordsAttribute(Type enumType) : Attribute
{
    /// <summary>The enum.</summary>
    public Type EnumType { get; } = enumType;

    /// <summary>The words, in declaration order.</summary>
    public IReadOnlyList<string> Names => typeof(EnumText).GetMethod(nameof(EnumText.Names), BindingFlags.Public | BindingFlags.Static)!
        .MakeGenericMethod(EnumType).Invoke(null, null) as IReadOnlyList<string> ?? [];
}
