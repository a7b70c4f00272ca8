using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>What loading one plugin folder gave: what to serve and every problem found on the way.</summary>
public sealed record PluginLoadResult
{
    /// <summary>The manifest's id, or the folder's name when the manifest gives no usable id.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin folder.</summary>
    public required string Directory { get; init; }

    /// <summary>The manifest, when it could be read.</summary>
    public PluginManifest? Manifest { get; init; }

    /// <summary>Why nothing from the plugin is served (manifest, contract, assembly, activation or load), or null.</summary>
    public ContentProblem? Refusal { get; init; }

    /// <summary>The items that passed validation.</summary>
    public PluginContent Content { get; init; } = PluginContent.Empty;

    /// <summary>Items refused one by one; the others are served.</summary>
    public IReadOnlyList<ContentProblem> Errors { get; init; } = [];

    /// <summary>Problems reported while the plugin is served anyway.</summary>
    public IReadOnlyList<ContentProblem> Warnings { get; init; } = [];
}

/// <summary>
/// The one plugin-load pipeline: manifest, contract range, activate, run with a time limit, validate, report. The host
/// runs it for each plugin folder and ContentApi.Plugins.Testing runs it in an author's test, so both say the same
/// thing, in the same words, about a plugin; only activation differs (<see cref="PluginActivator"/>). Nothing a plugin
/// does escapes: every failure becomes the result's <see cref="PluginLoadResult.Refusal"/>.
/// </summary>
/// <param name="kinds">The content kinds a content pack is read with and every item is validated against.</param>
/// <param name="loadTimeout">How long the plugin's <see cref="IContentPlugin.LoadAsync"/> may take.</param>
/// <param name="timeProvider">The clock the time limit is measured on.</param>
public sealed class PluginLoadPipeline(ContentKindRegistry kinds, TimeSpan loadTimeout, TimeProvider timeProvider)
{
    private static readonly string ContractFileName = typeof(IContentPlugin).Assembly.GetName().Name + ".dll";

    /// <summary>Loads the plugin in <paramref name="pluginDirectory"/>.</summary>
    /// <param name="pluginDirectory">The plugin folder: manifest, content files, assemblies.</param>
    /// <param name="activator">Where the plugin instance comes from and what it is handed.</param>
    /// <param name="cancellationToken">Stops the load; a cancelled load throws rather than blaming the plugin.</param>
    /// <returns>What to serve and what to report.</returns>
    public async Task<PluginLoadResult> LoadAsync(string pluginDirectory, PluginActivator activator, CancellationToken cancellationToken) =>
        await LoadAsync(pluginDirectory, await PluginManifests.ReadAsync(pluginDirectory, cancellationToken).ConfigureAwait(false), activator, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Loads the plugin in <paramref name="pluginDirectory"/> whose manifest the caller has already read: the host reads
    /// every manifest first, so that a plugin whose id another folder keeps is refused before any of its code runs.
    /// </summary>
    /// <param name="pluginDirectory">The plugin folder: manifest, content files, assemblies.</param>
    /// <param name="read">The folder's manifest, as <see cref="PluginManifests.ReadAsync"/> read it.</param>
    /// <param name="activator">Where the plugin instance comes from and what it is handed.</param>
    /// <param name="cancellationToken">Stops the load; a cancelled load throws rather than blaming the plugin.</param>
    /// <returns>What to serve and what to report.</returns>
    public async Task<PluginLoadResult> LoadAsync(string pluginDirectory, ManifestResult read, PluginActivator activator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(activator);
        if (read.Error is not null || read.Manifest is not { } manifest)
        {
            var id = ContentValidator.IsValidId(read.Manifest?.Id) ? read.Manifest!.Id : Path.GetFileName(pluginDirectory);
            return Refuse(id, read.FileName ?? PluginManifest.FileName, read.Error!);
        }

        var activation = Activate(pluginDirectory, manifest, activator);
        if (activation.Plugin is not { } plugin)
        {
            return Refuse(manifest.Id, activation.Refusal!.Location, activation.Refusal.Message);
        }

        var (content, failure) = await RunAsync(plugin, activator.CreateContext(pluginDirectory, manifest), cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Refuse(manifest.Id, "load", failure!);
        }

        // The force is assigned first, so a force pack's items may override national ones without repeating forceId.
        var valid = ContentValidator.Validate(ContentValidator.AssignForce(content, manifest.ForceId, kinds), kinds);
        return new PluginLoadResult
        {
            Id = manifest.Id,
            Directory = pluginDirectory,
            Manifest = manifest,
            Content = valid with { Problems = [] },
            Errors = valid.Problems,
            Warnings = [.. activation.Warnings, .. UpdatedStamps.Check(valid, kinds, timeProvider.GetUtcNow())],
        };

        PluginLoadResult Refuse(string id, string location, string reason) => new()
        {
            Id = id,
            Directory = pluginDirectory,
            Manifest = read.Manifest,
            Refusal = new ContentProblem(location, reason),
        };
    }

    private PluginActivation Activate(string pluginDirectory, PluginManifest manifest, PluginActivator activator)
    {
        if (manifest.Assembly is not { } assembly)
        {
            return activator.ActivateContentPack(manifest, kinds);
        }

        var assemblyPath = Path.GetFullPath(Path.Combine(pluginDirectory, assembly));
        if (!File.Exists(assemblyPath))
        {
            return PluginActivation.Refused(assembly, $"assembly '{assembly}' was not found in the plugin folder");
        }

        var activation = activator.ActivateAssembly(assemblyPath, manifest);
        if (activation.Plugin is null || !File.Exists(Path.Combine(pluginDirectory, ContractFileName)))
        {
            return activation;
        }

        var contractCopy = new ContentProblem(ContractFileName,
            "the plugin ships its own copy of the contract; the host's copy is used instead. Reference ContentApi.Abstractions with Private=false (or ExcludeAssets=runtime)");
        return activation with { Warnings = [contractCopy, .. activation.Warnings] };
    }

    private async Task<(PluginContent? Content, string? Failure)> RunAsync(IContentPlugin plugin, PluginContext context, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(loadTimeout);
        try
        {
            // WaitAsync bounds the wait even for a plugin that ignores its cancellation token.
            var content = await plugin.LoadAsync(context, timeoutSource.Token).AsTask().WaitAsync(loadTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return content is null ? (null, "the plugin returned no content") : (content, null);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"loading took longer than {loadTimeout.TotalSeconds:0.#} s and was abandoned");
        }
#pragma warning disable CA1031 // A plugin is third-party code: whatever it throws is its fault, reported, never the caller's crash.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (null, $"loading threw {ex.GetType().Name}: {ex.Message}");
        }
    }
}
