using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentApi.Cli;

/// <summary>
/// Writes a problem the way compilers do, <c>file:line:column: error|warning: message</c>, so editors and CI annotate
/// the right place. Locations come from the host's reports (<c>content/contacts.yaml:12:5 (contact 'x')</c>,
/// <c>plugin.json</c>, or a stage such as <c>load</c>); a stage points at the manifest, the file that starts the load.
/// </summary>
internal static partial class ProblemLine
{
    public static string Format(string pluginDirectory, string? manifestFile, string location, string severity, string message)
    {
        var match = LocationPattern().Match(location);
        var file = match.Groups["file"].Value;
        var path = Path.Combine(pluginDirectory, file);
        var known = file.Length > 0 && (File.Exists(path) || Directory.Exists(path));
        var shown = Path.GetRelativePath(Environment.CurrentDirectory, known ? path : Path.Combine(pluginDirectory, manifestFile ?? "plugin.json"));
        var line = known && match.Groups["line"].Success ? match.Groups["line"].Value : "1";
        var column = known && match.Groups["column"].Success ? match.Groups["column"].Value : "1";
        var context = known ? match.Groups["rest"].Value.Trim() : location;
        var text = context.Length == 0 ? message : $"{context}: {message}";
        return string.Create(CultureInfo.InvariantCulture, $"{shown}:{line}:{column}: {severity}: {text}");
    }

    [GeneratedRegex(@"^(?<file>[^:\s()]+)(?::(?<line>\d+))?(?::(?<column>\d+))?(?<rest>.*)$")]
    private static partial Regex LocationPattern();
}
