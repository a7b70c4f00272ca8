using SafeguardingContent.Client;

// Calls every v2 operation through the NSwag-generated client with realistic parameters, against the host whose
// address is the first argument. Prints "ok <operation>" or "FAILED <operation>: <why>" per call (GeneratedClientTests
// checks that every operation of openapi/v2.json was called) and exits 1 if any call threw.
if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var address))
{
    await Console.Error.WriteLineAsync("usage: CSharpCaller <api base address>");
    return 2;
}

using var http = new HttpClient();
var client = new ContentApiClient(http) { BaseUrl = address.ToString() };
var failures = 0;

await Call(nameof(client.ListGuidanceAsync), () => client.ListGuidanceAsync(topic: "sextortion", audience: Audience.ParentsCarers, age: 13, format: BodyFormat.Html), r => $"{r.Items.Count} items");
await Call(nameof(client.GetGuidanceAsync), () => client.GetGuidanceAsync("talking-to-your-child", format: BodyFormat.Markdown), r => r.Title);
await Call(nameof(client.ListContactsAsync), () => client.ListContactsAsync(audience: Audience.YoungPeople, age: 13, force: "gloucestershire"), r => $"{r.Items.Count} items");
await Call(nameof(client.GetContactAsync), () => client.GetContactAsync("childline"), r => r.Name);
await Call(nameof(client.ListAgeBandsAsync), () => client.ListAgeBandsAsync(), r => $"{r.Count} bands");
await Call(nameof(client.GetAgeBandAsync), () => client.GetAgeBandAsync("11-13"), r => r.Id);
await Call(nameof(client.ListAgeBandAdviceAsync), () => client.ListAgeBandAdviceAsync("11-13", audience: Audience.ParentsCarers), r => $"{r.Count} items");
await Call(nameof(client.GetAgeBandAdviceAsync), () => client.GetAgeBandAdviceAsync("11-13", "11-13-sextortion-parents-carers"), r => r.Id);
await Call(nameof(client.ListTopicsAsync), () => client.ListTopicsAsync(locale: "cy-GB"), r => $"{r.Count} topics");
await Call(nameof(client.ListForcesAsync), () => client.ListForcesAsync(), r => $"{r.Count} forces");
await Call(nameof(client.GetForceAsync), () => client.GetForceAsync("gloucestershire"), r => r.Name);
await Call(nameof(client.ListPluginsAsync), () => client.ListPluginsAsync(), r => $"{r.Plugins.Count} plugins");
await Call(nameof(client.GetSignpostingAsync), () => client.GetSignpostingAsync(13, Audience.ParentsCarers), r => $"{r.Tiers.Count} tiers");
await Call(nameof(client.GetSignpostingAsync) + " (force, topic)", () => client.GetSignpostingAsync(13, Audience.ParentsCarers, topic: "sextortion", force: "gloucestershire"), r => $"{r.Tiers.Count} tiers");
await Call(nameof(client.GetSignpostingAsync) + " (unknown force)", async () =>
{
    try
    {
        await client.GetSignpostingAsync(13, Audience.ParentsCarers, force: "atlantis");
        return "200, not the documented 400";
    }
    catch (ApiException<HttpValidationProblemDetails> invalid) when (invalid.Result.Errors.ContainsKey("force"))
    {
        return "400 naming force";
    }
}, r => r == "400 naming force" ? r : throw new InvalidOperationException(r));
await Call(nameof(client.ListReviewsAsync), () => client.ListReviewsAsync(), r => $"{r.Items.Count} items");
await Call(nameof(client.ListChangesAsync), () => client.ListChangesAsync(since: "2020-01-01T00:00:00Z"), r => $"{r.Items.Count} changes");
return failures == 0 ? 0 : 1;

async Task Call<T>(string operation, Func<Task<T>> call, Func<T, string?> describe)
{
    var name = operation.Replace("Async", string.Empty, StringComparison.Ordinal);
    try
    {
        Console.WriteLine($"ok {name}: {describe(await call())}");
    }
    catch (Exception ex) when (ex is ApiException or HttpRequestException or Newtonsoft.Json.JsonException or InvalidOperationException)
    {
        failures++;
        Console.WriteLine($"FAILED {name}: {ex.GetType().Name}: {ex.Message}");
    }
}
