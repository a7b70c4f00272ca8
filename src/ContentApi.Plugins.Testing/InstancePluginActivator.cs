using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Testing;

/// <summary>
/// The kit's activation step of the load pipeline: the plugin is the instance the author's test passes, and it must be
/// the one the manifest names, since the host would create the plugin from that assembly and nothing else; with no
/// instance (<c>contentapi validate</c> on a build output), the plugin is created from that assembly as the host does.
/// </summary>
internal sealed class InstancePluginActivator(IContentPlugin? plugin, PluginValidationOptions options) : PluginActivator
{
    public override PluginActivation ActivateContentPack(PluginManifest manifest, ContentKindRegistry kinds) => plugin is null
        ? base.ActivateContentPack(manifest, kinds)
        : PluginActivation.Refused(PluginManifest.FileName,
            $"names no 'assembly', so the host would read the content files and never run {plugin.GetType().Name}: add \"assembly\": \"{AssemblyFileOf(plugin)}\"");

    public override PluginActivation ActivateAssembly(string assemblyPath, PluginManifest manifest)
    {
        if (plugin is null)
        {
            // No instance given: the plugin is created from its built assembly in a load context of its own, as the host does.
            return PluginAssemblies.CreatePlugin(assemblyPath, manifest);
        }

        var pluginFile = AssemblyFileOf(plugin);
        return string.Equals(pluginFile, manifest.Assembly, StringComparison.OrdinalIgnoreCase)
            ? PluginActivation.Of(plugin)
            : PluginActivation.Refused(PluginManifest.FileName, $"names the assembly '{manifest.Assembly}', but {plugin.GetType().Name} is in '{pluginFile}'");
    }

    public override PluginContext CreateContext(string pluginDirectory, PluginManifest manifest) => new()
    {
        Manifest = manifest,
        PluginDirectory = pluginDirectory,
        Settings = options.Settings,
        HttpClient = options.HttpClient,
    };

    private static string AssemblyFileOf(IContentPlugin instance) => Path.GetFileName(instance.GetType().Assembly.Location);
}
