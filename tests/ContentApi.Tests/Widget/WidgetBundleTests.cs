using System.IO.Compression;
using ContentApi.Host.Features.Widget;
using ContentApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContentApi.Tests.Widget;

/// <summary>
/// The committed bundle the host serves is exactly what widget/ builds (type-checked by tsc, bundled by esbuild from
/// the pinned packages), and it stays within its size budget.
/// </summary>
public sealed class WidgetBundleTests(ITestOutputHelper output)
{
    /// <summary>What a partner's visitor downloads once per version, gzipped.</summary>
    private const int BudgetBytes = 15 * 1024;

    private static readonly string CommittedBundle =
        Path.Combine(Repository.Root, "src", "ContentApi.Host", "Features", "Widget", "dist", WidgetFiles.Version, "safeguarding.js");

    [Fact]
    public async Task The_committed_bundle_is_what_the_widget_source_builds()
    {
        foreach (var package in new[] { "esbuild", "lit", "typescript" })
        {
            Assert.True(Directory.Exists(Path.Combine(Repository.Root, "node_modules", package)),
                $"node_modules/{package} is missing: scripts/test.sh installs it (npm ci from package-lock.json).");
        }

        var typeCheck = await LocalProcesses.RunAsync("node", ["node_modules/typescript/bin/tsc", "-p", "widget"], Repository.Root, LocalProcesses.BuildLimit);
        Assert.True(typeCheck.ExitCode == 0, $"tsc -p widget failed:\n{typeCheck.Output}{typeCheck.Error}");

        var built = Path.Combine(Path.GetTempPath(), $"widget-{Guid.NewGuid():N}.js");
        try
        {
            var build = await LocalProcesses.RunAsync("node", ["widget/build.mjs", built], Repository.Root, LocalProcesses.BuildLimit);
            Assert.True(build.ExitCode == 0, $"widget/build.mjs failed:\n{build.Output}{build.Error}");
            var fresh = await File.ReadAllBytesAsync(built);
            var committed = await File.ReadAllBytesAsync(CommittedBundle);
            Assert.True(
                fresh.SequenceEqual(committed),
                $"{CommittedBundle} is not what widget/ builds: run `npm run widget:build` and commit the result (and, for a released version, ship it as a new version instead).");
        }
        finally
        {
            File.Delete(built);
        }
    }

    [Fact]
    public async Task The_bundle_is_within_15_KB_gzipped()
    {
        var bundle = await File.ReadAllBytesAsync(CommittedBundle);
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(bundle);
        }

        output.WriteLine($"{CommittedBundle}: {bundle.Length} bytes, {gzipped.Length} bytes gzipped (budget {BudgetBytes}).");
        Assert.True(gzipped.Length <= BudgetBytes, $"The widget is {gzipped.Length} bytes gzipped, over its budget of {BudgetBytes}.");
    }
}
