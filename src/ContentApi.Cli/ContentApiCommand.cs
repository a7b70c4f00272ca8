using System.CommandLine;
using ContentApi.Cli.Commands;

namespace ContentApi.Cli;

/// <summary>The <c>contentapi</c> tool's entry point: one root command, one class per sub-command.</summary>
public static class ContentApiCommand
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 when the command succeeded; non-zero otherwise (for <c>validate</c>: any error found).</returns>
    public static Task<int> Main(string[] args) => Create().Parse(args).InvokeAsync();

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
