using System.CommandLine;
using System.Globalization;

namespace ContentApi.Cli.Commands;

/// <summary>
/// <c>contentapi preview PATH</c>: runs the real host on this machine with the national plugins and the given pack or
/// plugin folder, and Swagger UI at <c>/swagger</c>. The host loads the folder exactly as in production: same pipeline,
/// same checks, so what the preview serves is what a deployment would serve.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "The content pack or plugin folder to serve beside the national content." };
        var port = new Option<int>("--port") { Description = "The local port to listen on.", DefaultValueFactory = _ => 5080 };
        var command = new Command("preview", "Serve the national content plus a pack locally, with Swagger UI.") { path, port };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(path)!, parse.GetValue(port), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo folder, int port, TextWriter output, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            await output.WriteLineAsync($"{folder.FullName}:1:1: error: the folder does not exist").ConfigureAwait(false);
            return 1;
        }

        // The host reads one plugins folder: link the national plugins and the author's folder into a fresh one, so
        // the author's files are served where they are, not copied.
        var plugins = Directory.CreateTempSubdirectory("contentapi-preview-");
        try
        {
            foreach (var national in await NationalContent.FoldersAsync(cancellationToken).ConfigureAwait(false))
            {
                Directory.CreateSymbolicLink(Path.Combine(plugins.FullName, Path.GetFileName(national)), national);
            }

            Directory.CreateSymbolicLink(Path.Combine(plugins.FullName, "zz-preview-" + folder.Name), folder.FullName);
            var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
            await output.WriteLineAsync($"Serving {folder.FullName} with the national content at {address}/swagger (Ctrl+C stops)").ConfigureAwait(false);
            return await RunHostAsync([
                "--contentRoot", AppContext.BaseDirectory,
                "--urls", address,
                "--Plugins:Path", plugins.FullName,
                "--Logging:Console:FormatterName", "simple",
            ]).ConfigureAwait(false);
        }
        finally
        {
            plugins.Delete(recursive: true);
        }
    }

    private static async Task<int> RunHostAsync(string[] args)
    {
        // The host is this tool's dependency, never the other way round; its own entry point runs it unchanged. An async
        // Main's entry point is the compiler's synchronous bridge, which returns only once the host has stopped.
        var entryPoint = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("The host has no entry point.");
        switch (entryPoint.Invoke(null, [args]))
        {
            case Task<int> running:
                return await running.ConfigureAwait(false);
            case Task running:
                await running.ConfigureAwait(false);
                return 0;
            case int exitCode:
                return exitCode;
            default:
                return 0;
        }
    }
}
