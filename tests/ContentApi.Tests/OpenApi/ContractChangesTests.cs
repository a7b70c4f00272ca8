using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>The breaking-change check must see each kind of break in a real contract, and call additions safe.</summary>
public sealed class ContractChangesTests
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public void A_contract_compared_with_itself_has_no_changes(string version) =>
        Assert.Empty(ContractChanges.Compare(Committed(version), Committed(version)));

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public void Removing_an_operation_is_breaking_and_adding_one_is_not(string version)
    {
        var before = Committed(version);
        var after = Committed(version);
        var path = $"/api/{version}/topics";
        after["paths"]!.AsObject().Remove(path);

        Assert.Contains(ContractChanges.Compare(before, after), c => c.Breaking && c.Description == $"GET {path} was removed");
        Assert.Contains(ContractChanges.Compare(after, before), c => !c.Breaking && c.Description == $"GET {path} was added");
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public void Renaming_an_operation_id_or_a_schema_is_breaking(string version)
    {
        var before = Committed(version);
        var after = Committed(version);
        var topics = after["paths"]![$"/api/{version}/topics"]!["get"]!;
        var id = topics["operationId"]!.GetValue<string>();
        topics["operationId"] = "FetchTopics";
        var schemas = after["components"]!["schemas"]!.AsObject();
        var topic = schemas["TopicResource"]!;
        schemas.Remove("TopicResource");
        schemas["Topic"] = topic;
        topics["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!["$ref"] = "#/components/schemas/Topic";

        var breaking = ContractChanges.Compare(before, after).Where(c => c.Breaking).Select(c => c.Description).ToList();

        Assert.Contains($"GET /api/{version}/topics: operation id {id} is now FetchTopics", breaking);
        Assert.Contains("schema TopicResource was removed or renamed", breaking);
        Assert.Equal(2, breaking.Count);
    }

    [Fact]
    public void Stating_the_string_type_of_an_untyped_string_enum_is_safe_and_changing_a_type_is_not()
    {
        static JsonNode Document(JsonNode audience)
        {
            var document = JsonNode.Parse("""
                {"paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}}}}}}
                """)!;
            document["paths"]!["/x"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["audience"] = audience;
            return document;
        }

        var untyped = Document(JsonNode.Parse("""{"enum": ["parents-carers", "young-people"]}""")!);
        var typed = Document(JsonNode.Parse("""{"type": "string", "enum": ["parents-carers", "young-people"]}""")!);
        var integer = Document(JsonNode.Parse("""{"type": "integer", "enum": ["parents-carers", "young-people"]}""")!);

        Assert.DoesNotContain(ContractChanges.Compare(untyped, typed), c => c.Breaking);
        Assert.Contains(ContractChanges.Compare(untyped, integer), c => c.Breaking);
        Assert.Contains(ContractChanges.Compare(typed, integer), c => c.Breaking);
    }

    [Fact]
    public void A_response_field_that_is_never_null_now_is_safe_and_one_that_may_be_null_now_is_not()
    {
        static JsonNode Document(string contact)
        {
            var document = JsonNode.Parse("""
                {"paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}}}}},
                 "components": {"schemas": {"Contact": {"type": "object", "properties": {"id": {"type": "string"}}}}}}
                """)!;
            document["paths"]!["/x"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["contact"] = JsonNode.Parse(contact);
            return document;
        }

        var nullable = Document("""{"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Contact"}]}""");
        var always = Document("""{"$ref": "#/components/schemas/Contact"}""");

        Assert.DoesNotContain(ContractChanges.Compare(nullable, always), c => c.Breaking);
        Assert.Contains(ContractChanges.Compare(nullable, always), c => c.Description.EndsWith("is never null now", StringComparison.Ordinal));
        Assert.Contains(ContractChanges.Compare(always, nullable), c => c.Breaking);
    }

    [Fact]
    public void An_inline_parameter_enum_replaced_by_a_reference_to_the_same_words_is_safe_and_to_fewer_words_is_not()
    {
        static JsonNode Document(string audience, string sharedWords) => JsonNode.Parse("""
            {"paths": {"/x": {"get": {"parameters": [{"name": "audience", "in": "query", "schema": AUDIENCE}], "responses": {}}}},
             "components": {"schemas": {"Audience": {"type": "string", "enum": WORDS}}}}
            """.Replace("AUDIENCE", audience, StringComparison.Ordinal).Replace("WORDS", sharedWords, StringComparison.Ordinal))!;

        const string words = """["parents-carers", "young-people"]""";
        var inline = Document($$"""{"type": "string", "enum": {{words}}}""", words);
        var shared = Document("""{"$ref": "#/components/schemas/Audience"}""", words);
        var narrowed = Document("""{"$ref": "#/components/schemas/Audience"}""", """["parents-carers"]""");

        Assert.Empty(ContractChanges.Compare(inline, shared));
        Assert.Contains(ContractChanges.Compare(inline, narrowed), c => c.Breaking && c.Description.EndsWith("no longer accepts young-people", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public void Removed_newly_required_or_narrowed_parameters_are_breaking(string version)
    {
        var before = Committed(version);
        var after = Committed(version);
        var parameters = after["paths"]![$"/api/{version}/guidance"]!["get"]!["parameters"]!.AsArray();
        parameters.Remove(parameters.Single(p => p!["name"]!.GetValue<string>() == "topic"));
        parameters.Single(p => p!["name"]!.GetValue<string>() == "age")!["required"] = true;
        parameters.Single(p => p!["name"]!.GetValue<string>() == "pageSize")!["schema"]!["maximum"] = 50;

        var breaking = ContractChanges.Compare(before, after).Where(c => c.Breaking).Select(c => c.Description).ToList();

        Assert.Contains($"GET /api/{version}/guidance: parameter 'topic' (query) was removed", breaking);
        Assert.Contains($"GET /api/{version}/guidance: parameter 'age' (query) is now required", breaking);
        Assert.Contains($"GET /api/{version}/guidance: parameter 'pageSize' (query): maximum narrowed to 50", breaking);
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public void Response_fields_removed_or_no_longer_required_are_breaking(string version)
    {
        var before = Committed(version);
        var after = Committed(version);
        var topic = after["components"]!["schemas"]!["TopicResource"]!;
        topic["properties"]!.AsObject().Remove("name");
        var required = topic["required"]!.AsArray();
        required.Remove(required.Single(r => r!.GetValue<string>() == "id"));

        var breaking = ContractChanges.Compare(before, after).Where(c => c.Breaking).Select(c => c.Description).ToList();

        Assert.Contains(breaking, d => d.EndsWith("[]: field 'name' was removed", StringComparison.Ordinal) && d.Contains($"/api/{version}/topics", StringComparison.Ordinal));
        Assert.Contains(breaking, d => d.EndsWith("[]: field 'id' is no longer always present", StringComparison.Ordinal));
    }

    private static JsonNode Committed(string version) => JsonNode.Parse(File.ReadAllText(Repository.ContractPath(version)))!;
}
