using System.Text;
using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Testing;

/// <summary>What to check a plugin with, beyond its own folder.</summary>
public sealed class PluginValidationOptions
{
    /// <summary>The settings the host would give the plugin (<c>Plugins:Settings:{id}</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>An HTTP client for a plugin with a remote source; point it at a local stub in tests.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// The plugin folders served beside this one, whose content the host would check it against: an id one of them
    /// already supplies, or an override of a national item none of them supplies, is an error (the item is not
    /// served); a reference (related contacts, age bands, topics) to an id nobody supplies is a warning. Null, the
    /// default, means the national content shipped with this package (<see cref="NationalContent.ShippedRoot"/>);
    /// an empty list checks the plugin on its own.
    /// </summary>
    public IReadOnlyList<string>? ReferenceDirectories { get; init; }

    /// <summary>How long the plugin may take to load; the host's default is 30 seconds.</summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The outcome of checking a plugin: what the host would serve and every problem it would report.</summary>
/// <param name="Directory">The plugin folder that was checked.</param>
/// <param name="Manifest">The manifest, when it could be read.</param>
/// <param name="Content">The items that passed validation: what the host would serve.</param>
/// <param name="Errors">Problems that make the host refuse the plugin or an item.</param>
/// <param name="Warnings">Problems the host reports but serves anyway.</param>
public sealed record PluginValidationResult(
    string Directory, PluginManifest? Manifest, PluginContent Content, IReadOnlyList<ContentProblem> Errors, IReadOnlyList<ContentProblem> Warnings)
{
    /// <summary>True when the host would load the plugin and serve every item.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>A readable report: one line per problem, with file, line, field and reason.</summary>
    /// <returns>The report.</returns>
    public override string ToString()
    {
        var report = new StringBuilder()
            .Append(CultureInfoText($"Plugin '{Manifest?.Id ?? Path.GetFileName(Directory)}' ({Directory}): "))
            .Append(CultureInfoText($"{Errors.Count} errors, {Warnings.Count} warnings; serves {Count(Content)} items."));
        foreach (var error in Errors)
        {
            report.AppendLine().Append(CultureInfoText($"  error: {error.Location}: {error.Message}"));
        }

        foreach (var warning in Warnings)
        {
            report.AppendLine().Append(CultureInfoText($"  warning: {warning.Location}: {warning.Message}"));
        }

        return report.ToString();
    }

    private static int Count(PluginContent c) => ContentKindRegistry.Default.ItemsIn(c).Count();

    private static string CultureInfoText(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>
/// Checks a plugin folder with the host's own load pipeline (<see cref="PluginLoadPipeline"/>): manifest, contract
/// range, the plugin's load (the content files for a content pack, your <see cref="IContentPlugin"/> for a code
/// plugin) with the host's time limit, then every item; so a problem is reported here in the host's words.
/// </summary>
public static class PluginValidator
{
    /// <summary>Checks the plugin in <paramref name="pluginDirectory"/>.</summary>
    /// <param name="pluginDirectory">The plugin folder as it would be deployed: manifest, content files, assemblies.</param>
    /// <param name="plugin">
    /// Your plugin instance for a code plugin; null for a content pack, or to create a code plugin from the built
    /// assembly its manifest names, in a load context of its own, as the host does.
    /// </param>
    /// <param name="options">Settings, HTTP client and reference folders; defaults when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What the host would serve and report.</returns>
    public static async Task<PluginValidationResult> ValidateAsync(
        string pluginDirectory, IContentPlugin? plugin = null, PluginValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pluginDirectory);
        options ??= new PluginValidationOptions();
        var directory = Path.GetFullPath(pluginDirectory);
        var pipeline = new PluginLoadPipeline(ContentKindRegistry.Default, options.LoadTimeout, TimeProvider.System);
        var loaded = await pipeline.LoadAsync(directory, new InstancePluginActivator(plugin, options), cancellationToken).ConfigureAwait(false);
        if (loaded.Refusal is { } refusal)
        {
            return new PluginValidationResult(directory, loaded.Manifest, loaded.Content, [refusal], []);
        }

        var references = options.ReferenceDirectories ?? await NationalContent.FoldersAsync(NationalContent.ShippedRoot, cancellationToken).ConfigureAwait(false);
        if (references.Count == 0)
        {
            return new PluginValidationResult(directory, loaded.Manifest, loaded.Content, loaded.Errors, loaded.Warnings);
        }

        // The reference content is listed first: it is what the host already serves, so it keeps its ids.
        var others = await Task.WhenAll(references.Select(d => ReadReferenceAsync(d, cancellationToken))).ConfigureAwait(false);
        var candidate = new SuppliedContent(loaded.Id, loaded.Content);
        var clashes = PluginClashes.Find([.. others, candidate], previousOwners: null, ContentKindRegistry.Default)[^1];
        var served = PluginClashes.Without(loaded.Content, clashes, ContentKindRegistry.Default);
        var danglingReferences = ContentValidator.CheckReferences(served, ContentIndex.Of([served, .. others.Select(o => o.Content)]));
        return new PluginValidationResult(
            directory, loaded.Manifest, served, [.. loaded.Errors, .. clashes.Select(c => c.Problem)], [.. loaded.Warnings, .. danglingReferences]);
    }

    private static async Task<SuppliedContent> ReadReferenceAsync(string directory, CancellationToken cancellationToken)
    {
        var read = await PluginManifests.ReadAsync(directory, cancellationToken).ConfigureAwait(false);
        var content = await ContentFolderReader.ReadPluginAsync(directory, cancellationToken).ConfigureAwait(false);
        return new SuppliedContent(read.Manifest?.Id ?? Path.GetFileName(directory), ContentValidator.AssignForce(content, read.Manifest?.ForceId));
    }
}
