using System.CommandLine;
using ContentApi.Cli;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Cli;

/// <summary>The <c>contentapi</c> tool, run in-process against the national plugins this test project deploys.</summary>
public sealed class CliTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    [Fact]
    public async Task A_new_pack_for_a_force_validates_cleanly_and_a_mistake_is_reported_at_its_file_line_and_column()
    {
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");

        var (created, _) = await RunAsync("new-pack", "--force", "wiltshire", "--output", pack);
        var (valid, report) = await RunAsync("validate", pack);

        Assert.Equal(0, created);
        Assert.True(valid == 0, report);
        Assert.StartsWith("# yaml-language-server: $schema=", await File.ReadAllTextAsync(Path.Combine(pack, "content", "contacts.yaml")), StringComparison.Ordinal);

        var contacts = Path.Combine(pack, "content", "contacts.yaml");
        await File.WriteAllTextAsync(contacts, (await File.ReadAllTextAsync(contacts)).Replace("value: \"101\"", "value: \"one-oh-one\"", StringComparison.Ordinal));
        var (invalid, problems) = await RunAsync("validate", pack);

        Assert.Equal(1, invalid);
        Assert.Matches(@"content[/\\]contacts\.yaml:\d+:\d+: error: .*'one-oh-one' is not a phone number", problems);
    }

    [Fact]
    public async Task An_unknown_force_id_is_refused_with_a_suggestion()
    {
        var (exit, output) = await RunAsync("new-pack", "--force", "wilts", "--output", Path.Combine(_folders.Root, "x"));

        Assert.Equal(1, exit);
        Assert.Contains("Did you mean wiltshire?", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ContentApiCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    public void Dispose() => _folders.Dispose();
}
