using System.Globalization;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium, driven by a node script with playwright-core from the repository's node_modules, as the
/// browser tests use it. Never a downloaded browser: scripts/test.sh installs chromium and the npm packages.
/// </summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    // Generous for a loaded 2-core machine: per wait inside the browser, and for the whole run.
    private static readonly TimeSpan RenderLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs <paramref name="script"/> with its own arguments followed by the Chromium executable and the time limit for
    /// each wait in milliseconds, and returns what it printed once it exits cleanly.
    /// </summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, params string[] packages)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: scripts/test.sh installs it (Debian package chromium).");
        foreach (var package in packages.Prepend("playwright-core"))
        {
            Assert.True(Directory.Exists(Path.Combine(Repository.Root, "node_modules", package)),
                $"node_modules/{package} is missing: scripts/test.sh installs it (npm ci from package-lock.json).");
        }

        var limit = ((int)RenderLimit.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var run = await LocalProcesses.RunAsync("node", [script, .. arguments, Executable, limit], Repository.Root, RunLimit);
        Assert.True(run.ExitCode == 0, $"{Path.GetFileName(script)} exited with {run.ExitCode}:\n{run.Error}\n{run.Output}");
        return run.Output;
    }
}
