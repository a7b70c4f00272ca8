using System.CommandLine;
using ContentApi.Plugins.Testing;

namespace ContentApi.Cli.Commands;

/// <summary>
/// <c>contentapi validate PATH</c>: loads a pack or plugin folder as the host would, beside the national content, and
/// prints every problem as <c>file:line:column: error|warning: message</c>. Exits 1 on any error, 0 otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "The content pack or plugin folder (the one holding plugin.json or plugin.yaml)." };
        var command = new Command("validate", "Check a content pack or plugin folder with the host's own load pipeline.") { path };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(path)!, parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo folder, TextWriter output, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            await output.WriteLineAsync($"{folder.FullName}:1:1: error: the folder does not exist").ConfigureAwait(false);
            return 1;
        }

        var options = new PluginValidationOptions { ReferenceDirectories = await NationalContent.FoldersAsync(cancellationToken).ConfigureAwait(false) };
        var result = await PluginValidator.ValidateAsync(folder.FullName, options: options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var manifestFile = result.Manifest is null ? null : FindManifest(folder.FullName);
        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(ProblemLine.Format(folder.FullName, manifestFile, error.Location, "error", error.Message)).ConfigureAwait(false);
        }

        foreach (var warning in result.Warnings)
        {
            await output.WriteLineAsync(ProblemLine.Format(folder.FullName, manifestFile, warning.Location, "warning", warning.Message)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(
            $"{result.Manifest?.Id ?? folder.Name}: {result.Errors.Count} errors, {result.Warnings.Count} warnings").ConfigureAwait(false);
        return result.IsValid ? 0 : 1;
    }

    private static string? FindManifest(string folder) =>
        new[] { "plugin.json", "plugin.yaml" }.FirstOrDefault(name => File.Exists(Path.Combine(folder, name)));
}
