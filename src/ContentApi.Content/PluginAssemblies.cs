using System.Reflection;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The activation step of a code plugin, shared by the host and the authors' kit (so <c>contentapi validate</c> loads a
/// built plugin exactly as the host does): the assembly the manifest names is loaded into its own
/// <see cref="PluginLoadContext"/> and its one public <see cref="IContentPlugin"/> class created. Whatever goes wrong
/// becomes a refusal that says what to fix.
/// </summary>
public static class PluginAssemblies
{
    /// <summary>Creates the plugin in the assembly at <paramref name="assemblyPath"/>, in a load context of its own.</summary>
    /// <param name="assemblyPath">The full path of the assembly the manifest names.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>The plugin, or why it cannot be loaded.</returns>
    public static PluginActivation CreatePlugin(string assemblyPath, PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var assemblyName = manifest.Assembly ?? Path.GetFileName(assemblyPath);
        PluginActivation Refused(string reason) => PluginActivation.Refused(assemblyName, reason);
        try
        {
            var context = new PluginLoadContext(assemblyPath, manifest.Id);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var pluginTypes = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IContentPlugin).IsAssignableFrom(t))
                .ToList();
            return pluginTypes.Count switch
            {
                1 => PluginActivation.Of((IContentPlugin)Activator.CreateInstance(pluginTypes[0])!),
                0 => Refused($"'{assemblyName}' has no public class implementing {nameof(IContentPlugin)} (contract {ContractVersion.Text})"),
                _ => Refused($"'{assemblyName}' has {pluginTypes.Count} classes implementing {nameof(IContentPlugin)}; expected one"),
            };
        }
        catch (BadImageFormatException)
        {
            return Refused($"'{assemblyName}' is not a .NET assembly");
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            return Refused($"'{assemblyName}' could not be loaded: {ex.Message}");
        }
        catch (TargetInvocationException ex)
        {
            return Refused($"the plugin's constructor threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
        }
        catch (MissingMethodException)
        {
            return Refused("the plugin class needs a public parameterless constructor");
        }
#pragma warning disable CA1031 // Third-party code: whatever it throws is reported as its fault, never crashes the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Refused($"'{assemblyName}' could not be loaded: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
