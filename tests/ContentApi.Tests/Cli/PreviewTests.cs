using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Cli;

/// <summary>
/// <c>contentapi preview</c> as an author runs it: the tool as its own process (as built beside these tests, with the
/// national plugins in its plugins/ folder) on a free port, serving the national content plus a new pack with Swagger
/// UI, then stopped as a terminal or a service manager stops it: it exits 0 and removes the plugins folder it made. The
/// signal is SIGTERM, which the host handles as it does Ctrl+C (SIGINT), since a test runner started in the background
/// may pass its children SIGINT ignored.
/// </summary>
public sealed class PreviewTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    [Fact]
    public async Task Preview_serves_the_national_content_and_the_pack_with_Swagger_UI_and_stops_cleanly()
    {
        var pack = Path.Combine(_folders.Root, "wiltshire-pack");
        var created = await LocalProcesses.RunAsync("dotnet", [Tool, "new-pack", "--force", "wiltshire", "--output", pack], _folders.Root, TimeSpan.FromMinutes(2));
        Assert.True(created.ExitCode == 0, created.Output + created.Error);
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{LocalProcesses.FreePort()}/"));
        var output = new StringBuilder();
        using var preview = Start(["preview", pack, "--port", address.Port.ToString(CultureInfo.InvariantCulture)], output);
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await Poll.UntilAsync(async () => await ReadyAsync(client, preview, output), "the preview to be ready", TimeSpan.FromSeconds(180));
            var previewFolder = PreviewPluginsFolder(pack);

            var local101 = await (await client.GetAsync("/api/v2/contacts/police-101?force=wiltshire")).JsonAsync();
            Assert.Equal(("wiltshire-101", "wiltshire-pack"), (local101.GetProperty("id").GetString(), local101.GetProperty("provenance").GetProperty("plugin").GetString()));
            Assert.Equal("police-101", (await (await client.GetAsync("/api/v2/contacts/police-101")).JsonAsync()).GetProperty("id").GetString());
            Assert.Contains("childline", (await (await client.GetAsync("/api/v2/contacts?pageSize=100")).JsonAsync()).Items().Ids());
            var swagger = await client.GetAsync("/swagger/index.html");
            Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
            Assert.Contains("swagger-ui", await swagger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            LocalProcesses.Signal(preview, "TERM");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await preview.WaitForExitAsync(limit.Token);
            Assert.True(preview.ExitCode == 0, $"The preview exited with {preview.ExitCode}:\n{Text(output)}");
            Assert.False(Directory.Exists(previewFolder), $"The preview left its plugins folder {previewFolder} behind.");
            Assert.True(Directory.Exists(pack), "The preview must never delete the author's pack.");
        }
        finally
        {
            if (!preview.HasExited)
            {
                preview.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => _folders.Dispose();

    // The tool as built beside these tests: its plugins/ folder is the national plugins, as in the installed tool.
    private static string Tool => Path.Combine(AppContext.BaseDirectory, "contentapi.dll");

    private static Process Start(IEnumerable<string> arguments, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet", [Tool, .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        DataReceivedEventHandler append = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> ReadyAsync(HttpClient client, Process preview, StringBuilder output)
    {
        Assert.False(preview.HasExited, $"The preview exited while starting:\n{Text(output)}");
        try
        {
            return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The plugins folder the preview made: the temp folder linking to the author's pack.</summary>
    private static string PreviewPluginsFolder(string pack) => Directory.GetDirectories(Path.GetTempPath(), "contentapi-preview-*")
        .Single(folder => Directory.Exists(Path.Combine(folder, "zz-preview-" + Path.GetFileName(pack)))
            && new DirectoryInfo(Path.Combine(folder, "zz-preview-" + Path.GetFileName(pack))).LinkTarget == pack);

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
