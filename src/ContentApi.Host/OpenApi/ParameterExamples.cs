using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// An example value for a parameter whose example depends on the route (an id names a different kind of item on each);
/// it wins over <see cref="ParameterExamples"/>' example for the parameter's name.
/// </summary>
/// <param name="value">A value the API answers 200 for with the shipped content.</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class ParameterExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>
/// Gives every parameter an example in the documents (Swagger UI prefills it; generators show it in their docs). The
/// examples of parameters that mean the same on every route are declared here once, by query name; a route-specific
/// one is declared on the parameter with <see cref="ParameterExampleAttribute"/>.
/// </summary>
internal static class ParameterExamples
{
    private static readonly Dictionary<string, JsonNode> ByName = new(StringComparer.Ordinal)
    {
        ["topic"] = "sextortion",
        ["audience"] = "parents-carers",
        ["age"] = 13,
        ["ageBand"] = "11-13",
        ["force"] = "gloucestershire",
        ["locale"] = "en-GB",
        ["q"] = "report",
        ["format"] = "html",
        ["channel"] = "phone",
        ["page"] = 1,
        ["pageSize"] = 20,
        ["plugin"] = "signposting",
        ["status"] = "overdue",
        ["since"] = "2027-01-01T00:00:00Z",
        ["limit"] = 100,
    };

    public static Task Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            var declared = context.Description.ParameterDescriptions
                .FirstOrDefault(d => string.Equals(d.Name, parameter.Name, StringComparison.Ordinal))?.ParameterDescriptor as IParameterInfoParameterDescriptor;
            if (declared?.ParameterInfo.GetCustomAttributes(typeof(ParameterExampleAttribute), inherit: false).FirstOrDefault() is ParameterExampleAttribute own)
            {
                parameter.Example = JsonValue.Create(own.Value);
            }
            else if (parameter.Name is { } name && ByName.TryGetValue(name, out var example))
            {
                parameter.Example = example.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
