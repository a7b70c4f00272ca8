using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;

namespace ContentApi.Host.OpenApi;

/// <summary>
/// Names a generic type's schema after what one of it is, with <c>{0}</c> for what its type argument is named
/// (<c>{0}Page</c> makes a page of guidance <c>GuidancePage</c>), rather than the generator's <c>PagedResultOfGuidanceResource</c>.
/// </summary>
/// <param name="pattern">The schema name, with <c>{0}</c> where the argument's name goes.</param>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class SchemaNameAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}

/// <summary>
/// Schema names as a partner would write them, for the documents of versions after v1 (v1 keeps the names its
/// partners' generated clients already use): no version suffix, since the document is the version
/// (<c>ContactResource</c>, not <c>ContactResourceV2</c>), and no generic-looking names: a generic type is named by its
/// <see cref="SchemaNameAttribute"/>, or else by its own name alone (<c>SignpostingResponse</c>, where each document
/// has one contact shape).
/// </summary>
internal static partial class SchemaNames
{
    public static Func<JsonTypeInfo, string?> For(string documentName)
    {
        var suffix = documentName.ToUpperInvariant();
        return type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is not { } name
            ? null
            : (Nullable.GetUnderlyingType(type.Type) ?? type.Type) is { IsGenericType: true } generic ? NameOf(generic, suffix) : WithoutSuffix(name, suffix);
    }

    private static string NameOf(Type type, string versionSuffix)
    {
        if (!type.IsGenericType)
        {
            return WithoutSuffix(type.Name, versionSuffix);
        }

        var name = GenericArity().Replace(type.Name, string.Empty);
        return type.GetGenericTypeDefinition().GetCustomAttributes(typeof(SchemaNameAttribute), inherit: false).FirstOrDefault() is SchemaNameAttribute named
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, named.Pattern, WhatItIs(type.GetGenericArguments()[0], versionSuffix))
            : name;
    }

    // GuidanceResource is guidance; ContactResourceV2 is a contact.
    private static string WhatItIs(Type type, string versionSuffix)
    {
        var name = NameOf(type, versionSuffix);
        return name.EndsWith("Resource", StringComparison.Ordinal) ? name[..^"Resource".Length] : name;
    }

    private static string WithoutSuffix(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;

    [GeneratedRegex("`[0-9]+$")]
    private static partial Regex GenericArity();
}
