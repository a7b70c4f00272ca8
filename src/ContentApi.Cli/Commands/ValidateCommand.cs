using System.CommandLine;
using ContentApi.Content;
using ContentApi.Plugins.Testing;

namespace ContentApi.Cli.Commands;

/// <summary>
/// <c>contentapi validate PATH</c>: loads a content pack or a built code plugin as the host would (a code plugin's
/// assembly in a load context of its own, its <c>LoadAsync</c> run with the host's time limit), beside the national
/// content, and prints every problem as <c>file:line:column: error|warning: message</c>. Exits 1 on any error, 0 otherwise.
/// </summary>
internal static class ValidateCommand
{
    private static readonly TimeSpan RemoteSourceTimeout = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path")
        {
            Description = "The content pack folder, or a code plugin's build output folder (the ones holding plugin.json or plugin.yaml).",
        };
        var command = new Command("validate", "Check a content pack or a built code plugin with the host's own load pipeline.") { path };
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

        var manifest = await PluginManifests.ReadAsync(folder.FullName, cancellationToken).ConfigureAwait(false);
        if (PluginProjectFolder.Explain(folder.FullName, manifest.Manifest) is { } projectFolder)
        {
            await output.WriteLineAsync(ProblemLine.Format(folder.FullName, manifest.FileName, manifest.FileName!, "error", projectFolder)).ConfigureAwait(false);
            return 1;
        }

        // A code plugin with a remote source gets a client as it would in the host; the host's also retries.
        using var http = new HttpClient { Timeout = RemoteSourceTimeout };
        var options = new PluginValidationOptions
        {
            ReferenceDirectories = await NationalContent.FoldersAsync(cancellationToken).ConfigureAwait(false),
            HttpClient = http,
        };
        var result = await PluginValidator.ValidateAsync(folder.FullName, options: options, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(ProblemLine.Format(folder.FullName, manifest.FileName, error.Location, "error", error.Message)).ConfigureAwait(false);
        }

        foreach (var warning in result.Warnings)
        {
            await output.WriteLineAsync(ProblemLine.Format(folder.FullName, manifest.FileName, warning.Location, "warning", warning.Message)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(
            $"{result.Manifest?.Id ?? folder.Name}: {result.Errors.Count} errors, {result.Warnings.Count} warnings").ConfigureAwait(false);
        return result.IsValid ? 0 : 1;
    }
}
