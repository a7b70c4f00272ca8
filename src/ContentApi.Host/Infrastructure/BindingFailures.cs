using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ContentApi.Host.Infrastructure;

/// <summary>The names clients use for an endpoint's query parameters.</summary>
internal static class QueryParameterNames
{
    /// <summary>The name a client uses for a parameter: its [FromQuery] name when it has one, else its own.</summary>
    public static string Of(ICustomAttributeProvider member, string declaredName) =>
        member.GetCustomAttributes(inherit: true).OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? declaredName;

    /// <summary>Every query parameter the endpoint binds, by the name clients use (query names ignore case).</summary>
    public static HashSet<string> DeclaredBy(Endpoint endpoint) => endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
        .Where(binding => IsFromQuery(binding, endpoint))
        .Select(binding => Of(binding.ParameterInfo, binding.Name))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A parameter without a source attribute comes from the query unless the route has a value of that name.</summary>
    public static bool IsFromQuery(IParameterBindingMetadata binding, Endpoint? endpoint)
    {
        var sources = binding.ParameterInfo.GetCustomAttributes(inherit: true);
        if (sources.OfType<IFromQueryMetadata>().Any())
        {
            return true;
        }

        var elsewhere = sources.Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata);
        return !elsewhere && (endpoint as RouteEndpoint)?.RoutePattern.GetParameter(binding.Name) is null;
    }
}

/// <summary>
/// Names the query parameters a request could not bind (age=abc, page=1.5). Binding stops at the first value it cannot
/// parse, so each query parameter the endpoint parses from text (as its parameter metadata says) is parsed again, the
/// same way, and every one that fails is reported with what was expected.
/// </summary>
internal static class BindingFailures
{
    public static Dictionary<string, string[]> In(Endpoint? endpoint, IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var binding in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var type = Nullable.GetUnderlyingType(binding.ParameterInfo.ParameterType) ?? binding.ParameterInfo.ParameterType;
            if (TryParseOf(type) is not { } tryParse || !QueryParameterNames.IsFromQuery(binding, endpoint))
            {
                continue;
            }

            var name = QueryParameterNames.Of(binding.ParameterInfo, binding.Name);
            var unparsed = query[name].Where(value => !string.IsNullOrEmpty(value) && !Parses(tryParse, value)).ToList();
            if (unparsed.Count > 0)
            {
                errors[name] = [$"must be {Describe(type)}; got '{Shorten(unparsed[0]!)}'."];
            }
        }

        return errors;
    }

    // Binding parses text with the type's TryParse(string, IFormatProvider, out T) and the invariant culture; so does
    // this. (The metadata's HasTryParse is not set for parameters bound with [FromQuery], so it cannot be asked.)
    private static MethodInfo? TryParseOf(Type type) => type == typeof(string)
        ? null
        : type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);

    private static bool Parses(MethodInfo tryParse, string value) => (bool)tryParse.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "an ISO 8601 date and time"
        : "a value of the right type";

    // Echoing input back is useful, but never a whole hostile query string.
    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
