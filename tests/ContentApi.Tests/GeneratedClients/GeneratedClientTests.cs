using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.GeneratedClients;

/// <summary>
/// What a partner does first: generate a client from the committed openapi/v2.json, compile it with no warning, and
/// call every operation against a live host (its own process). A TypeScript client (openapi-typescript types,
/// openapi-fetch, type-checked by tsc) and a C# client (NSwag, whose Json.NET required-property checks throw on any
/// required field the wire leaves out). Generated code goes under the callers' obj/ folders, never into git.
/// scripts/test.sh installs the npm packages (npm ci) and the NSwag tool (dotnet tool restore).
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "ContentApi.Tests", "GeneratedClients");

    [Fact]
    public async Task The_TypeScript_client_generated_from_the_contract_type_checks_and_calls_every_v2_operation()
    {
        foreach (var package in new[] { "openapi-typescript", "openapi-fetch", "typescript" })
        {
            Assert.True(Directory.Exists(Path.Combine(Repository.Root, "node_modules", package)),
                $"node_modules/{package} is missing: scripts/test.sh installs it (npm ci from package-lock.json).");
        }

        var caller = Path.Combine(Folder, "TypeScriptCaller");
        await Run("openapi-typescript", "node", [Package("openapi-typescript", "bin", "cli.js"), Repository.ContractPath("v2"), "-o", Path.Combine(caller, "obj", "content-api.d.ts")]);
        await Run("tsc", "node", [Package("typescript", "bin", "tsc"), "-p", caller]);

        await using var host = await TestHost.Start(o => o.AsProcess());
        var calls = await Run("call-every-operation.mjs", "node", [Path.Combine(caller, "obj", "out", "call-every-operation.mjs"), host.Address.ToString()]);
        AssertEveryOperationCalled(calls);
    }

    [Fact]
    public async Task The_CSharp_client_NSwag_generates_from_the_contract_compiles_without_warnings_and_calls_every_v2_operation()
    {
        var caller = Path.Combine(Folder, "CSharpCaller");
        await Run("nswag (dotnet tool restore installs it)", "dotnet",
        [
            "nswag", "openapi2csclient", $"/input:{Repository.ContractPath("v2")}", $"/output:{Path.Combine(caller, "obj", "generated", "ContentApiClient.cs")}",
            "/namespace:SafeguardingContent.Client", "/className:ContentApiClient", "/JsonLibrary:NewtonsoftJson", "/GenerateOptionalParameters:true",
        ]);
        await Run("dotnet build", "dotnet", ["build", caller, "-c", "Release", "-nologo", "-v", "q", "-nodeReuse:false"]);

        await using var host = await TestHost.Start(o => o.AsProcess());
        var calls = await Run("CSharpCaller", "dotnet", [Path.Combine(caller, "bin", "Release", "net10.0", "CSharpCaller.dll"), host.Address.ToString()]);
        AssertEveryOperationCalled(calls);
    }

    private static string Package(params string[] path) => Path.Combine([Repository.Root, "node_modules", .. path]);

    /// <summary>Runs one step from the repository root (where the tool manifest is); any exit code but 0 fails, with all it printed.</summary>
    private static async Task<string> Run(string step, string program, string[] arguments)
    {
        var run = await LocalProcesses.RunAsync(program, arguments, Repository.Root, LocalProcesses.BuildLimit);
        Assert.True(run.ExitCode == 0, $"{step} exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        return run.Output;
    }

    private static void AssertEveryOperationCalled(string output)
    {
        var contract = JsonNode.Parse(File.ReadAllText(Repository.ContractPath("v2")))!;
        var operations = contract["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (string)operation.Value!["operationId"]!))
            .ToList();
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var missed = operations.Where(id => !lines.Any(line => line.StartsWith($"ok {id}", StringComparison.Ordinal))).ToList();
        Assert.True(operations.Count >= 15 && missed.Count == 0, $"Not called, or not successfully: {string.Join(", ", missed)}\n{output}");
    }
}
