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
    /// Other plugin folders (for example a copy of the host's national plugins) whose content files supply ids this
    /// plugin refers to. When given, references (related contacts, age bands, override targets) are checked against
    /// them and this plugin, and dangling ones are reported as warnings, as the host does.
    /// </summary>
    public IReadOnlyList<string> ReferenceDirectories { get; init; } = [];

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
/// Checks a plugin folder the way the host does when it loads it: manifest, contract version, the plugin's load
/// (the content files for a content pack, your <see cref="IContentPlugin"/> for a code plugin), then every item.
/// </summary>
public static class PluginValidator
{
    private const string ContractFileName = "ContentApi.Abstractions.dll";

    /// <summary>Checks the plugin in <paramref name="pluginDirectory"/>.</summary>
    /// <param name="pluginDirectory">The plugin folder as it would be deployed: manifest, content files, assemblies.</param>
    /// <param name="plugin">Your plugin instance for a code plugin; null for a content pack.</param>
    /// <param name="options">Settings, HTTP client and reference folders; defaults when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What the host would serve and report.</returns>
    public static async Task<PluginValidationResult> ValidateAsync(
        string pluginDirectory, IContentPlugin? plugin = null, PluginValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pluginDirectory);
        options ??= new PluginValidationOptions();
        var directory = Path.GetFullPath(pluginDirectory);
        var errors = new List<ContentProblem>();
        var warnings = new List<ContentProblem>();
        PluginContent Nothing() => PluginContent.Empty;

        var read = await PluginManifests.ReadAsync(directory, cancellationToken).ConfigureAwait(false);
        if (read.Error is { } manifestError || read.Manifest is not { } manifest)
        {
            errors.Add(new ContentProblem(read.FileName ?? PluginManifest.FileName, read.Error!));
            return new PluginValidationResult(directory, read.Manifest, Nothing(), errors, warnings);
        }

        var loader = ChoosePlugin(directory, manifest, plugin, errors, warnings);
        if (loader is null)
        {
            return new PluginValidationResult(directory, manifest, Nothing(), errors, warnings);
        }

        PluginContent loaded;
        try
        {
            loaded = await loader.LoadAsync(Context(directory, manifest, options), cancellationToken).AsTask()
                .WaitAsync(options.LoadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            errors.Add(new ContentProblem("load", $"loading took longer than {options.LoadTimeout.TotalSeconds:0.#} s; the host would abandon it"));
            return new PluginValidationResult(directory, manifest, Nothing(), errors, warnings);
        }
#pragma warning disable CA1031 // Whatever the plugin throws is the finding, reported like the host reports it.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            errors.Add(new ContentProblem("load", $"loading threw {ex.GetType().Name}: {ex.Message}"));
            return new PluginValidationResult(directory, manifest, Nothing(), errors, warnings);
        }

        var valid = ContentValidator.Validate(ContentValidator.AssignForce(loaded, manifest.ForceId));
        errors.AddRange(valid.Problems);
        var served = valid with { Problems = [] };
        if (options.ReferenceDirectories.Count > 0)
        {
            var others = await Task.WhenAll(options.ReferenceDirectories.Select(d => ReadReferenceAsync(d, cancellationToken))).ConfigureAwait(false);
            warnings.AddRange(ContentValidator.CheckReferences(served, ContentIndex.Of([served, .. others])));
        }

        return new PluginValidationResult(directory, manifest, served, errors, warnings);
    }

    private static IContentPlugin? ChoosePlugin(string directory, PluginManifest manifest, IContentPlugin? plugin, List<ContentProblem> errors, List<ContentProblem> warnings)
    {
        if (manifest.Assembly is null)
        {
            if (plugin is not null)
            {
                errors.Add(new ContentProblem(PluginManifest.FileName,
                    $"names no 'assembly', so the host would read the content files and never run {plugin.GetType().Name}: add \"assembly\": \"{Path.GetFileName(plugin.GetType().Assembly.Location)}\""));
                return null;
            }

            return new ContentFilesPlugin();
        }

        if (plugin is null)
        {
            errors.Add(new ContentProblem(PluginManifest.FileName, $"names the assembly '{manifest.Assembly}': pass an instance of your plugin class to check it"));
            return null;
        }

        var pluginFile = Path.GetFileName(plugin.GetType().Assembly.Location);
        if (!string.Equals(pluginFile, manifest.Assembly, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ContentProblem(PluginManifest.FileName, $"names the assembly '{manifest.Assembly}', but {plugin.GetType().Name} is in '{pluginFile}'"));
        }
        else if (!File.Exists(Path.Combine(directory, manifest.Assembly)))
        {
            errors.Add(new ContentProblem(PluginManifest.FileName, $"assembly '{manifest.Assembly}' was not found in the plugin folder"));
        }

        if (File.Exists(Path.Combine(directory, ContractFileName)))
        {
            warnings.Add(new ContentProblem(ContractFileName,
                "the plugin ships its own copy of the contract; the host's copy is used instead. Reference ContentApi.Abstractions with ExcludeAssets=runtime"));
        }

        return plugin;
    }

    private static PluginContext Context(string directory, PluginManifest manifest, PluginValidationOptions options) => new()
    {
        Manifest = manifest,
        PluginDirectory = directory,
        Settings = options.Settings,
        HttpClient = options.HttpClient,
    };

    private static async Task<PluginContent> ReadReferenceAsync(string directory, CancellationToken cancellationToken)
    {
        var read = await PluginManifests.ReadAsync(directory, cancellationToken).ConfigureAwait(false);
        var content = await ContentFolderReader.ReadPluginAsync(directory, cancellationToken).ConfigureAwait(false);
        return ContentValidator.AssignForce(content, read.Manifest?.ForceId);
    }
}
