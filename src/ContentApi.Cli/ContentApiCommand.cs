using System.CommandLine;
using ContentApi.Cli.Commands;

namespace ContentApi.Cli;

/// <summary>The <c>contentapi</c> tool's entry point: one root command, one class per sub-command.</summary>
public static class ContentApiCommand
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 when the command succeeded; non-zero otherwise (for <c>validate</c>: any error found).</returns>
    public static Task<int> Main(string[] args) =>
        // Ctrl+C and SIGTERM are left to the process: preview's host stops on them gracefully, and preview then removes
        // the folder it made. System.CommandLine's own handling would end the process two seconds in, before either.
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

    /// <summary>The whole command tree; tests invoke it in-process.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand Create() => new("Validate, scaffold, preview and translate Safeguarding Content API content packs and plugins.")
    {
        ValidateCommand.Create(),
        NewPackCommand.Create(),
        PreviewCommand.Create(),
        TranslationsCommand.Create(),
    };
}
