using System.Text.Json;
using ContentApi.Host.Features.Widget;
using ContentApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentApi.Tests.Widget;

/// <summary>
/// The widget as a partner's visitor gets it: the host in its own process, and a partner's page on another origin (a
/// second local port) under a strict Content-Security-Policy that pastes the README's snippet. Debian's headless
/// Chromium, driven by playwright-core, checks English, Welsh, the API unreachable, the quick exit and the demo page at
/// /widget, with keyboard and axe-core checks, and writes a screenshot of each to artifacts/widget (check-widget.mjs).
/// </summary>
public sealed class WidgetBrowserTests
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "ContentApi.Tests", "Widget", "check-widget.mjs");
    private static readonly string Screenshots = Path.Combine(Repository.Root, "artifacts", "widget");

    [Fact]
    public async Task A_partner_page_on_another_origin_under_a_strict_CSP_shows_the_widget_in_English_Welsh_and_without_the_API()
    {
        // Several page loads, each asking for signposting and an article; the anonymous quota is not what is tested here.
        await using var host = await TestHost.Start(o => o.AsProcess().WithSetting("RateLimiting:Anonymous:PermitLimit", "100000"));
        var api = host.Address.GetLeftPart(UriPartial.Authority);
        var (partnerSite, partner) = await LoopbackServer.StartAsync(app => MapPartnerPages(app, api));
        await using var stopPartner = partnerSite;

        var output = await HeadlessChromium.RunAsync(Script, [partner.GetLeftPart(UriPartial.Authority), api, Screenshots], "axe-core");
        var reports = JsonSerializer.Deserialize<List<ScenarioReport>>(output, JsonSerializerOptions.Web)!;
        Assert.Equal(["english", "welsh", "api-down", "demo", "quick-exit"], reports.Select(r => r.Scenario));
        var findings = reports.SelectMany(Describe).ToList();
        Assert.True(findings.Count == 0, $"The widget on {partner} is not right:\n{string.Join('\n', findings)}");
        Assert.All(reports, r => Assert.True(File.Exists(r.Screenshot), $"{r.Scenario}: no screenshot at {r.Screenshot}"));
    }

    /// <summary>A partner's pages: the README's snippet pasted as it is, and an article, under a strict policy.</summary>
    private static void MapPartnerPages(WebApplication app, string api)
    {
        var policy = $"default-src 'none'; script-src {api}; connect-src {api}; style-src 'self'; img-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        app.MapGet("/english", (HttpResponse response) => Page(response, policy, "en-GB", WidgetFiles.Snippet(api),
            """<safeguarding-guidance id="young-people-sextortion"></safeguarding-guidance>"""));
        app.MapGet("/welsh", (HttpResponse response) => Page(response, policy, "en-GB", WidgetFiles.Snippet(api).Replace("<safeguarding-signposting ", "<safeguarding-signposting lang=\"cy\" ", StringComparison.Ordinal),
            string.Empty));
        app.MapGet("/favicon.ico", () => Results.NoContent());
    }

    private static IResult Page(HttpResponse response, string policy, string language, string snippet, string more)
    {
        response.Headers.ContentSecurityPolicy = policy;
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>A partner's page</title></head>
            <body>
            <main>
            <h1>Staying safe online</h1>
            {snippet}
            {more}
            </main>
            </body>
            </html>
            """,
            "text/html; charset=utf-8");
    }

    private static IEnumerable<string> Describe(ScenarioReport report) =>
        report.Failures.Select(f => $"{report.Scenario}: {f}")
            .Concat(report.ConsoleErrors.Select(e => $"{report.Scenario}: console error: {e}"))
            .Concat(report.CspViolations.Select(v => $"{report.Scenario}: CSP violation: {v}"))
            .Concat(report.AxeViolations.Select(v => $"{report.Scenario}: axe {v.Id} ({v.Impact}, {v.Help}) on {string.Join(", ", v.Targets)}"));

    private sealed record ScenarioReport(string Scenario, List<string> Failures, List<string> ConsoleErrors, List<string> CspViolations, List<AxeViolation> AxeViolations, string Screenshot);

    private sealed record AxeViolation(string Id, string Impact, string Help, List<string> Targets);
}
