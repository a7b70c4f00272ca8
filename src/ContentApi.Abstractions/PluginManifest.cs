namespace ContentApi.Abstractions;

/// <summary>
/// Describes a plugin. Read by the host from <c>plugin.json</c> in the plugin's folder before any plugin code runs.
/// </summary>
public sealed record PluginManifest
{
    /// <summary>The file name the host looks for in each plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Stable, unique, kebab-case id, for example <c>gloucestershire</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>The plugin's own semantic version.</summary>
    public required string Version { get; init; }

    /// <summary>Who publishes and answers for the content, for example a police force or a charity.</summary>
    public required string Publisher { get; init; }

    /// <summary>
    /// The contract versions the plugin works with, as a range: <c>1.0</c> (meaning 1.0 up to, not including, 2.0),
    /// or <c>[1.0,2.0)</c> in NuGet interval notation.
    /// </summary>
    public required string ContractVersion { get; init; }

    /// <summary>The data.police.uk force id when the plugin belongs to one force, for example <c>gloucestershire</c>.</summary>
    public string? ForceId { get; init; }

    /// <summary>What the plugin provides.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The assembly file (relative to the plugin folder) that holds the <see cref="IContentPlugin"/> implementation.
    /// Absent for a no-code content pack, whose <c>content/</c> files the host reads itself.
    /// </summary>
    public string? Assembly { get; init; }
}
