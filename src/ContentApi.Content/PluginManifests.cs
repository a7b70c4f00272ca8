using System.Text.Json;
using ContentApi.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ContentApi.Content;

/// <summary>A manifest read from a plugin folder, or the reason it could not be used.</summary>
/// <param name="Manifest">The manifest, when it was read; it may still be refused (see <paramref name="Error"/>).</param>
/// <param name="Error">Why the plugin cannot be loaded, or null when the manifest is usable.</param>
/// <param name="FileName">The manifest file that was read (<c>plugin.json</c> or <c>plugin.yaml</c>), or null when none was found.</param>
public sealed record ManifestResult(PluginManifest? Manifest, string? Error, string? FileName);

/// <summary>
/// Reads and checks a plugin's manifest: <c>plugin.json</c>, or <c>plugin.yaml</c> for authors who write their content in
/// YAML anyway. The host and the plugin testing library both use this, so a manifest that passes an author's test
/// passes the host.
/// </summary>
public static class PluginManifests
{
    /// <summary>The YAML alternative to <see cref="PluginManifest.FileName"/>.</summary>
    public const string YamlFileName = "plugin.yaml";

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly IDeserializer YamlReader = new DeserializerBuilder().Build();

    /// <summary>Reads the manifest in <paramref name="pluginDirectory"/> and checks it against this contract version.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The manifest and, when the plugin must be refused, the reason.</returns>
    public static async Task<ManifestResult> ReadAsync(string pluginDirectory, CancellationToken cancellationToken)
    {
        var jsonPath = Path.Combine(pluginDirectory, PluginManifest.FileName);
        var yamlPath = Path.Combine(pluginDirectory, YamlFileName);
        var (path, fileName) = File.Exists(jsonPath) ? (jsonPath, PluginManifest.FileName)
            : File.Exists(yamlPath) ? (yamlPath, YamlFileName)
            : (null, null);
        if (path is null)
        {
            return new ManifestResult(null, $"no {PluginManifest.FileName} (or {YamlFileName}) in the plugin folder", null);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, fileName!);
    }

    /// <summary>Parses manifest text and checks it against this contract version.</summary>
    /// <param name="text">The manifest file's contents.</param>
    /// <param name="fileName"><c>plugin.json</c> or <c>plugin.yaml</c>: says how to read <paramref name="text"/>.</param>
    /// <returns>The manifest and, when the plugin must be refused, the reason.</returns>
    public static ManifestResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        PluginManifest? manifest;
        try
        {
            var json = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? text : YamlToJson(text);
            manifest = JsonSerializer.Deserialize<PluginManifest>(json, ManifestJson);
        }
        catch (JsonException ex)
        {
            return new ManifestResult(null, $"{fileName} cannot be read: {ex.Message}", fileName);
        }
        catch (YamlException ex)
        {
            return new ManifestResult(null, $"{fileName} cannot be read: line {ex.Start.Line}: {ex.Message}", fileName);
        }

        return new ManifestResult(manifest, manifest is null ? $"{fileName} is empty" : Check(manifest, fileName), fileName);
    }

    /// <summary>
    /// Why a plugin built for <paramref name="manifest"/>'s contract range cannot run on this contract, or null when it can.
    /// The message says what to rebuild against.
    /// </summary>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>The refusal, or null.</returns>
    public static string? CheckContract(PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!ContractRange.TryParse(manifest.ContractVersion, out var range))
        {
            return $"contractVersion '{manifest.ContractVersion}' is not a version range such as 1.0 or [1.0,2.0)";
        }

        return range.Includes(ContractVersion.Current)
            ? null
            : $"built for contract {range}, but this host implements contract {ContractVersion.Text}: " +
              $"rebuild the plugin against ContentApi.Abstractions {ContractVersion.Current.Major}.x and set contractVersion to \"{ContractVersion.Current.Major}.0\"";
    }

    private static string? Check(PluginManifest manifest, string fileName)
    {
        if (!ContentValidator.IsValidId(manifest.Id))
        {
            return $"{fileName} needs an 'id' in lower-case kebab-case";
        }

        var missing = new[] { ("name", manifest.Name), ("version", manifest.Version), ("publisher", manifest.Publisher), ("contractVersion", manifest.ContractVersion) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => f.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            return $"{fileName} needs {string.Join(", ", missing)}";
        }

        if (manifest.ForceId is not null && !ContentValidator.IsValidId(manifest.ForceId))
        {
            return $"{fileName}: forceId '{manifest.ForceId}' is not a data.police.uk force id (lower-case kebab-case)";
        }

        if (manifest.Assembly is { } assembly && (Path.IsPathRooted(assembly) || assembly.Contains("..", StringComparison.Ordinal)))
        {
            return $"{fileName}: assembly '{assembly}' must be a file name inside the plugin folder";
        }

        return CheckContract(manifest);
    }

    private static string YamlToJson(string yaml)
    {
        // One set of manifest rules: YAML is turned into the JSON shape and read by the same deserializer.
        var document = YamlReader.Deserialize<Dictionary<string, object?>>(yaml) ?? [];
        return JsonSerializer.Serialize(document);
    }
}
