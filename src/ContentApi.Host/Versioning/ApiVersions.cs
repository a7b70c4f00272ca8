using Asp.Versioning;

namespace ContentApi.Host.Versioning;

/// <summary>The API versions this host serves, and the lifecycle of each.</summary>
internal static class ApiVersions
{
    public static readonly ApiVersion V1 = new(1, 0);
    public static readonly ApiVersion V2 = new(2, 0);

    public static IReadOnlyList<ApiVersion> Supported { get; } = [V1, V2];

    /// <summary>v1 has been deprecated since v2 shipped; it keeps working until its sunset date.</summary>
    public static readonly DateTimeOffset V1DeprecatedOn = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset V1SunsetOn = new(2027, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public const string MigrationGuidePath = "/docs/migrating-to-v2";

    /// <summary>The OpenAPI document name of a version, matching the ApiExplorer group name format <c>'v'VVV</c>.</summary>
    public static string DocumentName(ApiVersion version) => $"v{version.MajorVersion}";
}
