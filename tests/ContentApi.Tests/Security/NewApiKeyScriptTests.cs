using System.Text.RegularExpressions;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Security;

/// <summary>
/// scripts/new-api-key.sh as an operator uses it: the lines it prints must configure the key it hands out, whether the
/// id can be exported by a shell or has to be passed another way, and ids that would break the configuration are refused.
/// </summary>
public sealed partial class NewApiKeyScriptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_id_a_shell_can_export_prints_lines_that_export_the_hash_of_the_key_it_gives()
    {
        var run = await NewKeyAsync("partner_site", "partner");

        var (key, hash) = KeyAndHash(run, "partner_site");
        Assert.Equal(TestKeys.Hash(key), hash, ignoreCase: true);
        Assert.DoesNotContain("export' will refuse", run.Output, StringComparison.Ordinal);
        var exported = await ShellAsync(string.Join("; ", ConfigurationLines(run).Select(l => $"export {l}")) + "; printenv Security__ApiKeys__partner_site__Role");
        Assert.Equal("partner", exported.Trim());
    }

    [Fact]
    public async Task An_id_with_a_hyphen_says_export_will_refuse_it_and_prints_an_env_line_that_works()
    {
        var run = await NewKeyAsync("ops-admin", "admin");

        var (key, hash) = KeyAndHash(run, "ops-admin");
        Assert.Equal(TestKeys.Hash(key), hash, ignoreCase: true);
        Assert.Contains("The key id 'ops-admin' has characters a shell variable name cannot hold, so 'export' will refuse these lines.", run.Output, StringComparison.Ordinal);

        // The printed env line, with printenv standing in for the host: it must hand the host exactly these variables.
        var envLine = run.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("env ", StringComparison.Ordinal));
        var command = envLine.Replace("dotnet ContentApi.Host.dll", "printenv Security__ApiKeys__ops-admin__Hash Security__ApiKeys__ops-admin__Role", StringComparison.Ordinal);
        var passed = await ShellAsync(command);
        Assert.Equal($"{hash}\nadmin", passed.Trim());
    }

    [Theory]
    [InlineData("a:b")]
    [InlineData("a__b")]
    [InlineData("partner_")]
    [InlineData("-partner")]
    [InlineData("partner site")]
    [InlineData("partner'site")]
    public async Task An_id_that_would_break_the_configuration_key_is_refused(string id)
    {
        var run = await LocalProcesses.RunAsync("bash", ["scripts/new-api-key.sh", id], Repository.Root, Limit);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the key id '{id}' must", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Security__ApiKeys__", run.Output, StringComparison.Ordinal);
    }

    private static async Task<ProgramRun> NewKeyAsync(string id, string role)
    {
        var run = await LocalProcesses.RunAsync("bash", ["scripts/new-api-key.sh", id, role], Repository.Root, Limit);
        Assert.True(run.ExitCode == 0, $"new-api-key.sh {id} {role} exited with {run.ExitCode}:\n{run.Error}");
        return run;
    }

    private static async Task<string> ShellAsync(string command)
    {
        var run = await LocalProcesses.RunAsync("bash", ["-c", command], Repository.Root, Limit);
        Assert.True(run.ExitCode == 0, $"bash -c \"{command}\" exited with {run.ExitCode}:\n{run.Error}");
        return run.Output;
    }

    private static (string Key, string Hash) KeyAndHash(ProgramRun run, string id) =>
        (GivenKey().Match(run.Output).Groups["key"].Value,
         ConfigurationLines(run).Single(l => l.StartsWith($"Security__ApiKeys__{id}__Hash=", StringComparison.Ordinal)).Split('=')[1]);

    private static IEnumerable<string> ConfigurationLines(ProgramRun run) =>
        run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Security__ApiKeys__", StringComparison.Ordinal));

    [GeneratedRegex(@"not stored anywhere\): (?<key>[A-Za-z0-9]{40})\n")]
    private static partial Regex GivenKey();
}
