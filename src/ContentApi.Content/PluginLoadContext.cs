using System.Reflection;
using System.Runtime.Loader;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// One plugin's private load context: its own dependencies come from its folder, while the contract assembly always
/// resolves to the loading process's copy (the host's, or the contentapi tool's) so that <see cref="IContentPlugin"/> is
/// one type on both sides, even when a plugin ships its own copy of the contract.
/// </summary>
internal sealed class PluginLoadContext(string pluginAssemblyPath, string pluginId)
    : AssemblyLoadContext($"plugin:{pluginId}", isCollectible: false)
{
    private static readonly string ContractAssemblyName = typeof(IContentPlugin).Assembly.GetName().Name!;

    private readonly AssemblyDependencyResolver _resolver = new(pluginAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == ContractAssemblyName)
        {
            return null; // fall back to the default context: shared with the process that loads the plugin
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
