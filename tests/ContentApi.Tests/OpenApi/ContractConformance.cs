using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ContentApi.Tests.OpenApi;

/// <summary>One GET operation of a committed OpenAPI document.</summary>
/// <param name="Path">The path template, for example <c>/api/v2/guidance/{id}</c>.</param>
/// <param name="OperationId">The operation's id.</param>
/// <param name="Operation">The operation object.</param>
public sealed record ContractOperation(string Path, string OperationId, JsonObject Operation)
{
    public IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [];

    public override string ToString() => $"{OperationId} (GET {Path})";
}

/// <summary>
/// Checks live responses against a committed OpenAPI 3.1 document: the status and media type must be documented for
/// the operation, the body must validate against the documented schema (JSON Schema 2020-12, formats checked, refs
/// resolved in the document), and a problem body may carry only properties its schema declares.
/// </summary>
public sealed class ContractConformance
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly JsonObject _document;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ContractConformance(string documentText)
    {
        _document = JsonNode.Parse(documentText)!.AsObject();
        Operations = _document["paths"]!.AsObject()
            .Where(p => p.Value!["get"] is JsonObject)
            .Select(p => new ContractOperation(p.Key, (string)p.Value!["get"]!["operationId"]!, p.Value!["get"]!.AsObject()))
            .ToList();
    }

    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The first way the response breaks the contract, or null when it keeps it.</summary>
    public async Task<string?> FirstBreachAsync(ContractOperation operation, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Operation["responses"]?[status] is not JsonObject documented)
        {
            return $"status {status} is not documented (documented: {string.Join(", ", operation.Operation["responses"]!.AsObject().Select(r => r.Key))})";
        }

        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return documented["content"] is JsonObject content && content.Count > 0 && status != "304" ? $"status {status} documents a body but none was sent" : null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        if (documented["content"]?[mediaType] is not JsonObject media)
        {
            return $"media type {mediaType} is not documented for {status} (documented: {string.Join(", ", documented["content"]?.AsObject().Select(c => c.Key) ?? [])})";
        }

        if (media["schema"] is not JsonObject schema)
        {
            return null;
        }

        using var instance = JsonDocument.Parse(body);
        var result = SchemaFor(schema).Evaluate(instance.RootElement, Evaluation);
        if (!result.IsValid)
        {
            // A nullable field is oneOf [null, schema]: the branch that was never meant to match reports errors too,
            // so name the error deepest in the instance, which is where the value breaks the schema.
            var error = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .OrderByDescending(d => d.InstanceLocation.ToString().Length)
                .ThenBy(d => d.Errors!.Keys.Contains("type") && d.EvaluationPath.ToString().EndsWith("/oneOf/0", StringComparison.Ordinal) ? 1 : 0)
                .FirstOrDefault();
            return error is null
                ? $"body does not validate against the {status} schema"
                : $"body does not validate against the {status} schema: at '{error.InstanceLocation}' ({error.EvaluationPath}): {string.Join("; ", error.Errors!.Select(e => $"{e.Key}: {e.Value}"))}";
        }

        if (mediaType == "application/problem+json" && instance.RootElement.ValueKind == JsonValueKind.Object)
        {
            var declared = DeclaredProperties(schema);
            var undeclared = instance.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !declared.Contains(n)).ToList();
            if (undeclared.Count > 0)
            {
                return $"the problem body carries properties its schema does not declare: {string.Join(", ", undeclared)}";
            }
        }

        return null;
    }

    /// <summary>Whether a webhook body validates against the schema the contract's <c>webhooks</c> give its event type, or why not.</summary>
    public string? FirstWebhookBreach(string eventType, string body)
    {
        if (_document["webhooks"]?[eventType]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"] is not JsonObject schema)
        {
            return $"the contract has no webhook {eventType}";
        }

        using var instance = JsonDocument.Parse(body);
        return SchemaFor(schema).Evaluate(instance.RootElement, Evaluation).IsValid ? null : $"the {eventType} body does not validate against its schema";
    }

    // The response schema, with the document's components beside it so that its "#/components/..." refs resolve.
    private JsonSchema SchemaFor(JsonObject schema)
    {
        var key = schema.ToJsonString();
        return _schemas.GetOrAdd(key, _ =>
        {
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"https://contract.test/{Guid.NewGuid():N}",
                ["components"] = _document["components"]!.DeepClone(),
            };
            foreach (var (name, value) in schema)
            {
                root[name] = value?.DeepClone();
            }

            return JsonSchema.FromText(root.ToJsonString());
        });
    }

    private HashSet<string> DeclaredProperties(JsonObject schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is not JsonObject obj)
            {
                return;
            }

            if (obj["$ref"]?.GetValue<string>() is { } reference && seen.Add(reference))
            {
                Walk(Resolve(reference));
            }

            foreach (var property in obj["properties"]?.AsObject() ?? [])
            {
                names.Add(property.Key);
            }

            foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                foreach (var member in obj[keyword]?.AsArray() ?? [])
                {
                    Walk(member);
                }
            }
        }

        Walk(schema);
        return names;
    }

    private JsonNode? Resolve(string reference) =>
        reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[2..].Split('/').Aggregate((JsonNode?)_document, (node, part) => node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
            : null;
}
