using System.Text.Json;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.SwaggerUi;

/// <summary>
/// Swagger UI as a reader gets it: the host in its own process, the page in Debian's headless Chromium driven by
/// playwright-core, checked with axe-core for every document it offers in the light and the dark colour scheme
/// (check-swagger-ui.mjs). scripts/test.sh installs chromium and the npm packages.
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "ContentApi.Tests", "SwaggerUi", "check-swagger-ui.mjs");

    [Fact]
    public async Task Swagger_UI_loads_with_no_console_error_CSP_violation_padlock_or_serious_accessibility_violation()
    {
        // Four page loads fetch Swagger UI's files and both documents; the anonymous quota is not what is tested here.
        await using var host = await TestHost.Start(o => o.AsProcess().WithSetting("RateLimiting:Anonymous:PermitLimit", "100000"));
        var page = new Uri(host.Address, "/swagger/index.html");
        var output = await HeadlessChromium.RunAsync(Script, [page.ToString()], "axe-core");
        var reports = JsonSerializer.Deserialize<List<PageReport>>(output, JsonSerializerOptions.Web)!;
        Assert.True(reports.Count >= 4, $"Expected v1 and v2 in both colour schemes, got: {string.Join("; ", reports.Select(r => r.Page))}");
        var findings = reports.SelectMany(Describe).ToList();
        Assert.True(findings.Count == 0, $"Swagger UI at {page} is not clean:\n{string.Join('\n', findings)}");
    }

    private static IEnumerable<string> Describe(PageReport report) =>
        report.ConsoleErrors.Select(e => $"{report.Page}: console error: {e}")
            .Concat(report.CspViolations.Select(v => $"{report.Page}: CSP violation: {v}"))
            .Concat(report.Padlocks.Select(o => $"{report.Page}: padlock on {o}, which needs no key"))
            .Concat(report.AxeViolations.Select(v => $"{report.Page}: axe {v.Id} ({v.Impact}, {v.Help}) on {string.Join(", ", v.Targets)}"));

    private sealed record PageReport(string Page, List<string> ConsoleErrors, List<string> CspViolations, List<string> Padlocks, List<AxeViolation> AxeViolations);

    private sealed record AxeViolation(string Id, string Impact, string Help, List<string> Targets);
}
