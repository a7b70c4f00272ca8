using System.Reflection;
using Microsoft.Extensions.Validation;

namespace ContentApi.Host.Features.Shared;

// The framework marks its validation-info API (ValidateContext, IValidatableInfo) as open to change (ASP0029). We call
// it exactly as its own endpoint filter does, so a change to it shows up here at compile time, in this one file.
#pragma warning disable ASP0029

/// <summary>
/// Enforces the rules declared as validation attributes on the query records and parameters ([Range], [MaxLength]),
/// with the framework's validation (<c>AddValidation</c> and the validators it generates), before the handler runs.
/// The framework's own endpoint filter would answer those with a 400 before the handler could add what only content
/// can tell (an unknown topic), so on these endpoints this filter runs the same validation and hands the broken rules,
/// keyed by query name, to the handler's <see cref="QueryValidator"/>: one 400 then names every bad parameter.
/// </summary>
internal static class DeclaredRules
{
    public static RouteGroupBuilder EnforceDeclaredRules(this RouteGroupBuilder group) =>
        group.DisableValidation().AddEndpointFilterFactory(Create);

    /// <summary>The rules the framework's validation found broken in this request, by query name; none when it found none.</summary>
    public static IReadOnlyDictionary<string, string[]> BrokenIn(HttpContext context) =>
        context.Features.Get<BrokenRules>()?.Errors ?? Empty;

    private static readonly Dictionary<string, string[]> Empty = [];
    private static readonly object MissingArgument = new();

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var options = context.ApplicationServices.GetRequiredService<IOptions<ValidationOptions>>().Value;
        var parameters = context.MethodInfo.GetParameters();
        var checks = new List<(int Index, string Name, IValidatableInfo Rules)>();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (DeclaresRules(parameters[i], options) && options.TryGetValidatableParameterInfo(parameters[i], out var rules))
            {
                checks.Add((i, parameters[i].Name!, rules));
            }
        }

        if (checks.Count == 0)
        {
            return next;
        }

        var queryNames = QueryNames(parameters);
        // A handler that checks content merges the broken rules into its own 400; any other answers with them alone.
        var handlerMerges = parameters.Any(p => p.ParameterType == typeof(ContentRequests));
        return async invocation =>
        {
            var broken = await ValidateAsync(invocation, checks, options);
            if (broken is null)
            {
                return await next(invocation);
            }

            var errors = broken.ToDictionary(e => queryNames.GetValueOrDefault(e.Key, e.Key), e => e.Value, StringComparer.Ordinal);
            if (!handlerMerges)
            {
                return QueryValidator.ProblemFor(errors);
            }

            invocation.HttpContext.Features.Set(new BrokenRules(errors));
            return await next(invocation);
        };
    }

    private static async Task<Dictionary<string, string[]>?> ValidateAsync(
        EndpointFilterInvocationContext invocation, List<(int Index, string Name, IValidatableInfo Rules)> checks, ValidationOptions options)
    {
        ValidateContext? validation = null;
        foreach (var (index, name, rules) in checks)
        {
            // A parameter left out of the query is validated too, or its [Required] would never be broken. The
            // context needs some instance; the rules read the value, which stays null.
            var argument = invocation.Arguments[index];
            var context = new ValidationContext(argument ?? MissingArgument, name, invocation.HttpContext.RequestServices, items: null);
            validation ??= new ValidateContext { ValidationOptions = options, ValidationContext = context };
            validation.ValidationContext = context;
            await rules.ValidateAsync(argument, validation, invocation.HttpContext.RequestAborted);
        }

        return validation?.ValidationErrors is { Count: > 0 } errors ? errors : null;
    }

    // Only parameters that carry rules, or whose type does: never the request, services or the cancellation token.
    private static bool DeclaresRules(ParameterInfo parameter, ValidationOptions options) =>
        parameter.GetCustomAttributes<ValidationAttribute>().Any() || options.TryGetValidatableTypeInfo(parameter.ParameterType, out _);

    /// <summary>
    /// The validation reports a broken rule by member name (PageSize for a query record's property, limit for a
    /// parameter); a client knows the parameter by its query name (pageSize).
    /// </summary>
    private static Dictionary<string, string> QueryNames(ParameterInfo[] parameters)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is null)
            {
                names[parameter.Name!] = QueryParameterNames.Of(parameter, parameter.Name!);
                continue;
            }

            foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                names[property.Name] = QueryParameterNames.Of(property, property.Name);
            }
        }

        return names;
    }

    private sealed record BrokenRules(IReadOnlyDictionary<string, string[]> Errors);
}
