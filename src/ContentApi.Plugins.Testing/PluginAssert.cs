using ContentApi.Abstractions;

namespace ContentApi.Plugins.Testing;

/// <summary>
/// One-line checks for a plugin author's unit test, with any test framework:
/// <code>await PluginAssert.IsValidAsync(AppContext.BaseDirectory, new MyForcePlugin());</code>
/// A failure throws <see cref="PluginValidationException"/> listing every problem with its file, line, field and reason.
/// </summary>
public static class PluginAssert
{
    /// <summary>Passes when the host would load the plugin and serve every item; warnings do not fail it.</summary>
    /// <param name="pluginDirectory">The plugin folder as deployed (for a code plugin, its build output).</param>
    /// <param name="plugin">Your plugin instance for a code plugin; null for a content pack.</param>
    /// <param name="options">Settings, HTTP client and reference folders.</param>
    /// <returns>The result, for further assertions on what is served.</returns>
    /// <exception cref="PluginValidationException">The plugin has errors.</exception>
    public static async Task<PluginValidationResult> IsValidAsync(string pluginDirectory, IContentPlugin? plugin = null, PluginValidationOptions? options = null)
    {
        var result = await PluginValidator.ValidateAsync(pluginDirectory, plugin, options).ConfigureAwait(false);
        return result.IsValid ? result : throw new PluginValidationException(result);
    }
}

/// <summary>Thrown when a plugin would not load cleanly; the message lists every problem.</summary>
public sealed class PluginValidationException : Exception
{
    /// <summary>Creates the exception for a failed check.</summary>
    /// <param name="result">The check's result.</param>
    public PluginValidationException(PluginValidationResult result)
        : base(result?.ToString())
    {
        Result = result!;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PluginValidationException()
        : this("The plugin is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public PluginValidationException(string message)
        : base(message)
    {
        Result = null!;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PluginValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = null!;
    }

    /// <summary>The full result, with what the host would serve.</summary>
    public PluginValidationResult Result { get; }
}
