using System.Text.Json.Nodes;

namespace ContentApi.Tests.OpenApi;

/// <summary>One difference between two versions of a contract; breaking ones can break a partner's client.</summary>
public sealed record ContractChange(bool Breaking, string Description)
{
    public override string ToString() => (Breaking ? "BREAKING: " : "change: ") + Description;
}

/// <summary>
/// Explains how a contract changed: removed paths and operations, renamed operation ids and schemas (a generated
/// client's names), removed or newly required parameters, narrowed parameter types, removed success responses, and
/// response fields removed or no longer required (breaking); additions (not breaking). Schemas are compared through their $refs.
/// </summary>
public static class ContractChanges
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<ContractChange> Compare(JsonNode before, JsonNode after)
    {
        var changes = new List<ContractChange>();
        var beforePaths = before["paths"]?.AsObject() ?? [];
        var afterPaths = after["paths"]?.AsObject() ?? [];
        foreach (var (path, item) in beforePaths)
        {
            foreach (var method in Methods.Where(m => item?[m] is not null))
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (afterPaths[path]?[method] is not { } operation)
                {
                    changes.Add(new(true, $"{name} was removed"));
                    continue;
                }

                CompareOperation(name, item![method]!, before, operation, after, changes);
            }
        }

        // Generated clients name their types after the schemas: a schema gone from the document is a type gone from the client.
        var afterSchemas = after["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (schema, _) in (before["components"]?["schemas"]?.AsObject() ?? []).Where(s => !afterSchemas.ContainsKey(s.Key)))
        {
            changes.Add(new(true, $"schema {schema} was removed or renamed"));
        }

        foreach (var (path, item) in afterPaths)
        {
            foreach (var method in Methods.Where(m => item?[m] is not null && beforePaths[path]?[m] is null))
            {
                changes.Add(new(false, $"{method.ToUpperInvariant()} {path} was added"));
            }
        }

        return changes;
    }

    private static void CompareOperation(string name, JsonNode before, JsonNode beforeDoc, JsonNode after, JsonNode afterDoc, List<ContractChange> changes)
    {
        // Generated clients name their methods after operation ids (NSwag's ListContactsAsync, openapi-typescript's operations).
        if (Text(before["operationId"]) is { } id && Text(after["operationId"]) != id)
        {
            changes.Add(new(true, $"{name}: operation id {id} is now {Text(after["operationId"])}"));
        }

        var oldParameters = Parameters(before);
        var newParameters = Parameters(after);
        foreach (var (key, parameter) in oldParameters)
        {
            if (!newParameters.TryGetValue(key, out var now))
            {
                changes.Add(new(true, $"{name}: parameter {key} was removed"));
                continue;
            }

            if (parameter["required"]?.GetValue<bool>() != true && now["required"]?.GetValue<bool>() == true)
            {
                changes.Add(new(true, $"{name}: parameter {key} is now required"));
            }

            // Through $refs: an inline enum replaced by a reference to a schema with the same words accepts the same values.
            CompareInputSchema($"{name}: parameter {key}", Resolve(parameter["schema"], beforeDoc), Resolve(now["schema"], afterDoc), changes);
        }

        foreach (var (key, parameter) in newParameters.Where(p => !oldParameters.ContainsKey(p.Key)))
        {
            changes.Add(new(parameter["required"]?.GetValue<bool>() == true, $"{name}: {(parameter["required"]?.GetValue<bool>() == true ? "required" : "optional")} parameter {key} was added"));
        }

        foreach (var (status, response) in before["responses"]?.AsObject() ?? [])
        {
            if (after["responses"]?[status] is not { } now)
            {
                changes.Add(new(status.StartsWith('2'), $"{name}: response {status} was removed"));
                continue;
            }

            var oldSchema = response?["content"]?["application/json"]?["schema"];
            var newSchema = now["content"]?["application/json"]?["schema"];
            if (oldSchema is not null)
            {
                CompareOutputSchema($"{name}: {status} response", Resolve(oldSchema, beforeDoc), beforeDoc, Resolve(newSchema, afterDoc), afterDoc, changes, 0);
            }
        }
    }

    private static Dictionary<string, JsonNode> Parameters(JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => p is not null)
            .ToDictionary(p => $"'{p!["name"]}' ({p["in"]})", p => p!, StringComparer.Ordinal);

    private static void CompareInputSchema(string name, JsonNode? before, JsonNode? after, List<ContractChange> changes)
    {
        if (Text(before?["type"]) != Text(after?["type"]))
        {
            changes.Add(new(true, $"{name}: type changed from {Text(before?["type"])} to {Text(after?["type"])}"));
        }

        var removed = Words(before?["enum"]).Except(Words(after?["enum"])).ToList();
        if (after?["enum"] is not null && removed.Count > 0)
        {
            changes.Add(new(true, $"{name}: no longer accepts {string.Join(", ", removed)}"));
        }

        foreach (var (bound, narrower) in new (string, Func<double, double, bool>)[] { ("maxLength", (b, a) => a < b), ("maximum", (b, a) => a < b), ("minimum", (b, a) => a > b) })
        {
            if (Number(after?[bound]) is { } now && (Number(before?[bound]) is not { } then || narrower(then, now)))
            {
                changes.Add(new(true, $"{name}: {bound} narrowed to {now}"));
            }
        }

        if (Text(after?["pattern"]) is { } pattern && pattern != Text(before?["pattern"]))
        {
            changes.Add(new(true, $"{name}: pattern is now {pattern}"));
        }
    }

    private static void CompareOutputSchema(string name, JsonNode? before, JsonNode beforeDoc, JsonNode? after, JsonNode afterDoc, List<ContractChange> changes, int depth)
    {
        if (before is null || depth > 6)
        {
            return;
        }

        // A response field that was "null or X" and is now always X: clients that handled null still work.
        if (after is not null && NonNullPart(before) is { } nonNull && NonNullPart(after) is null && after["oneOf"] is null)
        {
            changes.Add(new(false, $"{name}: is never null now"));
            CompareOutputSchema(name, Resolve(nonNull, beforeDoc), beforeDoc, after, afterDoc, changes, depth + 1);
            return;
        }

        if (after is not null && StatesTheTypeItsValuesHad(before, after))
        {
            changes.Add(new(false, $"{name}: type stated as {Text(after["type"])}, the type every one of its enum values already had"));
        }
        else if (after is null || Text(before["type"]) != Text(after["type"]))
        {
            changes.Add(new(true, $"{name}: type changed from {Text(before["type"])} to {Text(after?["type"])}"));
            return;
        }

        if (before["items"] is { } items)
        {
            CompareOutputSchema($"{name}[]", Resolve(items, beforeDoc), beforeDoc, Resolve(after["items"], afterDoc), afterDoc, changes, depth + 1);
        }

        var required = Words(after["required"]).ToHashSet(StringComparer.Ordinal);
        foreach (var field in Words(before["required"]).Where(f => !required.Contains(f)))
        {
            changes.Add(new(true, $"{name}: field '{field}' is no longer always present"));
        }

        foreach (var (field, schema) in before["properties"]?.AsObject() ?? [])
        {
            if (after["properties"]?[field] is not { } now)
            {
                changes.Add(new(true, $"{name}: field '{field}' was removed"));
                continue;
            }

            CompareOutputSchema($"{name}.{field}", Resolve(schema, beforeDoc), beforeDoc, Resolve(now, afterDoc), afterDoc, changes, depth + 1);
        }
    }

    // The X of a nullable schema written as oneOf [{type: null}, X]; null for any other schema.
    private static JsonNode? NonNullPart(JsonNode schema) =>
        schema["oneOf"] is JsonArray { Count: 2 } members && members.Any(m => Text(m?["type"]) == "null")
            ? members.First(m => Text(m?["type"]) != "null")
            : null;

    // An enum schema with no type whose values are all strings gains "type": "string": the wire is unchanged and a
    // client that accepted anything still accepts every value.
    private static bool StatesTheTypeItsValuesHad(JsonNode before, JsonNode after) =>
        before["type"] is null && after["type"] is not null && before["enum"] is JsonArray values && values.Count > 0 &&
        values.All(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String) &&
        (Text(after["type"]) ?? string.Empty).Contains("string", StringComparison.Ordinal);

    private static JsonNode? Resolve(JsonNode? schema, JsonNode document)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            schema = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)document, (node, part) => node?[part.Replace("~1", "/", StringComparison.Ordinal)]);
        }

        return schema;
    }

    private static string? Text(JsonNode? node) => node is JsonValue ? node.ToString() : node?.ToJsonString();

    private static double? Number(JsonNode? node) => node is JsonValue value && double.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    private static IEnumerable<string> Words(JsonNode? array) => array is JsonArray items ? items.Select(i => i?.ToString() ?? "null") : [];
}
