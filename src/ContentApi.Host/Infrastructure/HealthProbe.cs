namespace ContentApi.Host.Infrastructure;

/// <summary>
/// <c>ContentApi.Host --healthcheck [url]</c>: asks a running instance whether it is ready and exits 0 (ready) or 1,
/// so a container health check needs no curl or wget in the image. The default URL is this container's own readiness
/// endpoint on the first port in <c>ASPNETCORE_HTTP_PORTS</c> (8080 in the .NET images).
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--healthcheck";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Argument;

    public static async Task<int> RunAsync(string[] args, TimeSpan? timeout = null)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        using var client = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode}").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{url}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "8080" : ports.Split([',', ';'], StringSplitOptions.TrimEntries)[0];
        return $"http://127.0.0.1:{port}/health/ready";
    }
}
