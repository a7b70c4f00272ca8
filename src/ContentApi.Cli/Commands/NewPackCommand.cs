using System.CommandLine;
using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Cli.Commands;

/// <summary>
/// <c>contentapi new-pack --force ID</c>: writes a content pack for one force that validates as it stands: a YAML
/// manifest and the force's own 101 contact (replacing the national one for the force), named from the national forces
/// directory so the force id is checked at once. Its ids end in <c>-pack</c>, and the code-plugin template's in
/// <c>-plugin</c>, so a force may run both side by side.
/// </summary>
internal static class NewPackCommand
{
    /// <summary>The schema line that makes editors with the YAML language server autocomplete and underline mistakes.</summary>
    public const string SchemaLinePrefix = "# yaml-language-server: $schema=";

    public static Command Create()
    {
        var force = new Option<string>("--force") { Description = "The force's data.police.uk id, for example wiltshire.", Required = true };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Where to write the pack (default: ./<force>-pack)." };
        var command = new Command("new-pack", "Scaffold a content pack for a police force.") { force, output };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(force)!, parse.GetValue(output), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string forceId, DirectoryInfo? output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var forces = await ReadForcesAsync(cancellationToken).ConfigureAwait(false);
        var force = forces.FirstOrDefault(f => string.Equals(f.Id, forceId, StringComparison.Ordinal));
        if (force is null)
        {
            var close = forces.Select(f => f.Id).Where(id => id.Contains(forceId, StringComparison.OrdinalIgnoreCase) || forceId.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();
            await stderr.WriteLineAsync($"error: '{forceId}' is not a data.police.uk force id." +
                (close.Count > 0 ? $" Did you mean {string.Join(" or ", close)}?" : " See https://data.police.uk/api/forces for the list.")).ConfigureAwait(false);
            return 1;
        }

        var folder = output ?? new DirectoryInfo(Path.Combine(Environment.CurrentDirectory, $"{force.Id}-pack"));
        if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
        {
            await stderr.WriteLineAsync($"error: {folder.FullName} is not empty; choose another folder with --output.").ConfigureAwait(false);
            return 1;
        }

        foreach (var (name, text) in PackFiles.For(force, DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            var path = Path.Combine(folder.FullName, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text + "\n", cancellationToken).ConfigureAwait(false);
        }

        await SchemaFiles.WriteIntoAsync(folder.FullName, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Content pack for {force.Name} written to {folder.FullName}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Check it with: contentapi validate {Path.GetRelativePath(Environment.CurrentDirectory, folder.FullName)}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<IReadOnlyList<PoliceForce>> ReadForcesAsync(CancellationToken cancellationToken)
    {
        var forces = new List<PoliceForce>();
        foreach (var folder in await NationalContent.FoldersAsync(cancellationToken).ConfigureAwait(false))
        {
            forces.AddRange((await ContentFolderReader.ReadPluginAsync(folder, cancellationToken).ConfigureAwait(false)).Forces);
        }

        return forces;
    }
}
