using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ContentApi.Abstractions;
using ContentApi.Content;

namespace ContentApi.Plugins.Forces;

/// <summary>
/// The police forces directory. It ships a snapshot (<c>content/forces.yaml</c>), so it works offline; with
/// <c>Plugins:Settings:forces:UpstreamUrl</c> set to a data.police.uk-compatible API it refreshes from
/// <c>/api/forces</c> and <c>/api/forces/{id}</c> on every load. It fetches through the host's HTTP client, which
/// caches and rate-limits remote sources and serves the last good copy when the source fails; if there is no copy
/// either, the shipped snapshot is served and the failure is logged.
/// </summary>
public sealed class ForcesPlugin : IContentPlugin
{
    /// <summary>The setting that names the upstream API's base address, for example <c>https://data.police.uk/</c>.</summary>
    public const string UpstreamUrlSetting = "UpstreamUrl";

    /// <summary>How many force details are fetched at once (default 4).</summary>
    public const string MaxConcurrencySetting = "MaxConcurrency";

    /// <inheritdoc />
    public async ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shipped = await ContentFolderReader.ReadPluginAsync(context.PluginDirectory, cancellationToken).ConfigureAwait(false);
        if (!context.Settings.TryGetValue(UpstreamUrlSetting, out var setting) || string.IsNullOrWhiteSpace(setting))
        {
            context.Log.Information($"Serving the shipped snapshot of {shipped.Forces.Count} forces ({UpstreamUrlSetting} is not set).");
            return shipped;
        }

        if (!Uri.TryCreate(setting.TrimEnd('/') + "/", UriKind.Absolute, out var upstream) || upstream.Scheme is not ("http" or "https") || context.HttpClient is null)
        {
            return shipped with
            {
                Problems = [.. shipped.Problems, new ContentProblem($"Plugins:Settings:forces:{UpstreamUrlSetting}", $"'{setting}' is not an absolute http or https address; serving the shipped snapshot")],
            };
        }

        var maxConcurrency = context.Settings.TryGetValue(MaxConcurrencySetting, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 4;
        try
        {
            var source = new ForcesUpstream(context.HttpClient, upstream, context.Log, context.TimeProvider);
            var forces = await source.FetchAsync(shipped.Forces, maxConcurrency, cancellationToken).ConfigureAwait(false);
            context.Log.Information($"Refreshed the forces directory from {upstream}: {forces.Count} forces.");
            return shipped with { Forces = forces };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the source or the client's resilience policy threw (an error, a timeout, an open circuit), the
            // shipped snapshot is better than nothing.
            context.Log.Warning($"Could not refresh the forces directory from {upstream} ({ex.Message}); serving the shipped snapshot of {shipped.Forces.Count} forces.");
            return shipped;
        }
    }
}

/// <summary>Reads a data.police.uk-compatible forces API and merges it with the shipped snapshot.</summary>
internal sealed class ForcesUpstream(HttpClient http, Uri baseAddress, IPluginLog log, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Uri DocumentationUrl = new("https://data.police.uk/docs/method/forces/");

    /// <summary>
    /// Every force the upstream lists, refreshed from its detail; forces it does not list (Police Scotland) keep their
    /// shipped entry, and a force whose detail cannot be read keeps its shipped entry too.
    /// </summary>
    public async Task<IReadOnlyList<PoliceForce>> FetchAsync(IReadOnlyList<PoliceForce> shipped, int maxConcurrency, CancellationToken cancellationToken)
    {
        var (list, _) = await GetAsync<List<UpstreamForce>>("api/forces", cancellationToken).ConfigureAwait(false);
        if (list is not { Count: > 0 })
        {
            throw new InvalidDataException("the forces list is empty");
        }

        var shippedById = shipped.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var refreshed = new ConcurrentDictionary<string, PoliceForce>(StringComparer.Ordinal);
        var listed = list.Where(f => ContentValidator.IsValidId(f.Id)).DistinctBy(f => f.Id).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(listed, options, async (summary, token) =>
        {
            shippedById.TryGetValue(summary.Id!, out var known);
            var path = $"api/forces/{summary.Id}";
            try
            {
                var (detail, fetchedAt) = await GetAsync<UpstreamForce>(path, token).ConfigureAwait(false);
                refreshed[summary.Id!] = Merge(detail is { Id: not null } ? detail : summary, known, new Uri(baseAddress, path), fetchedAt);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                log.Warning($"Force '{summary.Id}': {path} could not be read ({ex.Message}); keeping its {(known is null ? "listed name only" : "shipped entry")}.");
                refreshed[summary.Id!] = known ?? Merge(summary, null, new Uri(baseAddress, "api/forces"), time.GetUtcNow());
            }
        }).ConfigureAwait(false);

        return shipped.Where(f => !refreshed.ContainsKey(f.Id))
            .Concat(refreshed.Values)
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<(T? Value, DateTimeOffset FetchedAt)> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, path), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
        // A cached copy carries the date it was fetched, which is when its facts were last checked.
        return (value, response.Headers.Date ?? time.GetUtcNow());
    }

    private static PoliceForce Merge(UpstreamForce upstream, PoliceForce? known, Uri address, DateTimeOffset fetchedAt)
    {
        var fetched = DateOnly.FromDateTime(fetchedAt.UtcDateTime);
        return new PoliceForce
        {
            Id = upstream.Id!,
            Name = string.IsNullOrWhiteSpace(upstream.Name) ? known?.Name ?? upstream.Id! : upstream.Name.Trim(),
            Website = PreferHttps(WebAddress(upstream.Url), known?.Website),
            Telephone = string.IsNullOrWhiteSpace(upstream.Telephone) ? known?.Telephone : upstream.Telephone.Trim(),
            EngagementMethods = (upstream.EngagementMethods ?? [])
                .Where(e => WebAddress(e.Url) is not null)
                .Select(e => new EngagementMethod(
                    (e.Type ?? e.Title ?? "web").Trim().ToLowerInvariant(),
                    string.IsNullOrWhiteSpace(e.Title) ? null : e.Title.Trim(),
                    WebAddress(e.Url)))
                .ToList(),
            IsWelsh = known?.IsWelsh ?? false,
            // The validator asks for an https source; a plain-http mirror is named as the publisher, citing the API's documentation.
            Source = new SourceReference(address.Host, address.Scheme == Uri.UriSchemeHttps ? address : DocumentationUrl),
            Review = new ReviewInfo(fetched, fetched.AddMonths(3), $"Refreshed automatically from {address.Host}"),
        };
    }

    private static Uri? WebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>
    /// Websites are served as https only. data.police.uk still lists many as http: then the shipped https address is
    /// kept, or, for a force the snapshot does not know, the website is left out rather than guessed.
    /// </summary>
    private static Uri? PreferHttps(Uri? upstream, Uri? known) => upstream is { Scheme: "https" } ? upstream : known;

    private sealed record UpstreamForce(string? Id, string? Name, string? Url, string? Telephone, List<UpstreamEngagement>? EngagementMethods);

    private sealed record UpstreamEngagement(string? Type, string? Title, string? Url);
}
