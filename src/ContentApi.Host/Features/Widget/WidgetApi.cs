using System.Net;

namespace ContentApi.Host.Features.Widget;

/// <summary>
/// The embeddable widget for partner websites (widget/ in the repository, built with esbuild): its versioned script,
/// which any origin may load, and a demo page at <c>/widget</c> with the snippet to paste. Not part of the API's
/// contract, so left out of the OpenAPI documents.
/// </summary>
internal static class WidgetApi
{
    /// <summary>A versioned file never changes, so browsers and caches keep it for a year without asking again.</summary>
    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>The demo page and its files follow the host's version, so they are checked on every use.</summary>
    private const string Revalidate = "no-cache";

    public static WebApplication MapWidget(this WebApplication app)
    {
        var widget = app.MapGroup("/widget").ExcludeFromDescription();

        widget.MapGet($"/{WidgetFiles.Version}/safeguarding.js", (HttpContext http) => Serve(http, WidgetFiles.Script, Immutable))
            .OpenToAnyOrigin();
        widget.MapGet("/", DemoPage).WithContentSecurityPolicy(SecurityHeaders.OwnFilesContentSecurityPolicy);
        widget.MapGet("/demo.js", (HttpContext http) => Serve(http, WidgetFiles.DemoScript, Revalidate));
        widget.MapGet("/demo.css", (HttpContext http) => Serve(http, WidgetFiles.DemoStyles, Revalidate));
        widget.MapGet("/favicon.svg", (HttpContext http) => Serve(http, WidgetFiles.DemoIcon, Revalidate));
        return app;
    }

    private static IResult Serve(HttpContext http, WidgetFile file, string cacheControl)
    {
        http.Response.Headers.CacheControl = cacheControl;
        // Partner pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load the script.
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        // The result answers If-None-Match with a 304 itself.
        return TypedResults.Bytes(file.Bytes, file.ContentType, entityTag: file.ETag);
    }

    private static ContentHttpResult DemoPage(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = Revalidate;
        var origin = $"{request.Scheme}://{request.Host}";
        var page = WidgetFiles.DemoPageTemplate
            .Replace("{{snippet}}", WebUtility.HtmlEncode(WidgetFiles.Snippet(origin)), StringComparison.Ordinal)
            .Replace("{{script}}", WidgetFiles.ScriptPath, StringComparison.Ordinal)
            .Replace("{{integrity}}", WidgetFiles.Script.Integrity, StringComparison.Ordinal);
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }
}
