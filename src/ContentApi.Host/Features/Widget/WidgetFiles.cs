using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Host.Features.Widget;

/// <summary>One file the widget serves, read once from the host's embedded resources, with its fingerprints.</summary>
/// <param name="Bytes">The file as served.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">A strong validator: the SHA-256 of the bytes.</param>
/// <param name="Integrity">The Subresource Integrity value a page puts on its script tag (SHA-384).</param>
internal sealed record WidgetFile(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag, string Integrity);

/// <summary>
/// The widget's files, embedded in the host (ContentApi.Host.csproj): the built bundle, committed under
/// <c>dist/</c> so the host needs no npm (WidgetBundleTests rebuilds it from <c>widget/</c> and compares), and the
/// demo page's own files.
/// </summary>
internal static class WidgetFiles
{
    /// <summary>The widget's version folder. A released version's bundle never changes: a change ships as a new one.</summary>
    public const string Version = "v1";

    public const string ScriptPath = $"/widget/{Version}/safeguarding.js";

    public static WidgetFile Script { get; } = Load($"widget/{Version}/safeguarding.js", "text/javascript; charset=utf-8");

    public static WidgetFile DemoScript { get; } = Load("widget/demo/demo.js", "text/javascript; charset=utf-8");

    public static WidgetFile DemoStyles { get; } = Load("widget/demo/demo.css", "text/css; charset=utf-8");

    public static WidgetFile DemoIcon { get; } = Load("widget/demo/favicon.svg", "image/svg+xml");

    public static string DemoPageTemplate { get; } = System.Text.Encoding.UTF8.GetString(Load("widget/demo/index.html", "text/html").Bytes);

    /// <summary>The snippet a partner pastes into a page, for the API at <paramref name="apiOrigin"/>.</summary>
    public static string Snippet(string apiOrigin) =>
        $"""
        <script type="module" src="{apiOrigin}{ScriptPath}" integrity="{Script.Integrity}" crossorigin="anonymous"></script>
        <safeguarding-signposting age="13" audience="young-people" topic="sextortion" quick-exit>
          <p>If you are in danger now, call 999. Childline: 0800 1111.</p>
        </safeguarding-signposting>
        """;

    private static WidgetFile Load(string name, string contentType)
    {
        using var stream = typeof(WidgetFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The widget file {name} is not embedded in the host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var etag = new EntityTagHeaderValue($"\"{Base64Url(SHA256.HashData(bytes))}\"");
        return new WidgetFile(bytes, contentType, etag, "sha384-" + Convert.ToBase64String(SHA384.HashData(bytes)));
    }

    private static string Base64Url(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
