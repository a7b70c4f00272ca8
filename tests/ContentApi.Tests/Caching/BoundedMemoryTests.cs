using System.Globalization;
using System.Net;
using ContentApi.Tests.Infrastructure;
using ContentApi.Tests.Performance;
using Xunit.Abstractions;

namespace ContentApi.Tests.Caching;

/// <summary>
/// <c>Caching:MemoryLimitBytes</c> bounds what the response cache holds, whatever callers send: distinct free-text
/// searches, unknown parameters, Accept-Language variants and combinations of valid parameters. It runs alone: it
/// measures this process's managed heap, which other tests' hosts would share.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    private const long LimitBytes = 16 * 1024 * 1024;

    // What the host holds besides its cache (content snapshot, search index, JIT-compiled code, pools) may grow a
    // little with the first requests of each kind; the cache's own growth is what is bounded.
    private const long MarginBytes = 8 * 1024 * 1024;

    private const int Requests = 50_000;

    [Fact]
    public async Task Fifty_thousand_distinct_requests_leave_the_heap_under_the_cache_limit_plus_a_margin()
    {
        await using var host = await TestHost.Start(o => o.WithSetting("Caching:MemoryLimitBytes", LimitBytes.ToString(CultureInfo.InvariantCulture)));
        var client = host.Client;
        for (var i = 0; i < 200; i++)
        {
            await SendAsync(client, i);
        }

        var before = HeapAfterFullCollection();
        var statuses = new int[600];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 200 + worker; i < Requests; i += 4)
            {
                Interlocked.Increment(ref statuses[(int)await SendAsync(client, i)]);
            }
        })));
        var after = HeapAfterFullCollection();

        output.WriteLine($"Managed heap after a full collection: {before / 1024 / 1024} MB before, {after / 1024 / 1024} MB after {Requests} distinct requests (cache limit {LimitBytes / 1024 / 1024} MB).");
        var summary = string.Join(", ", statuses.Select((count, status) => (count, status)).Where(s => s.count > 0).Select(s => $"{s.status}: {s.count}"));
        Assert.True(statuses[200] > Requests / 2, $"Most requests should succeed and be cacheable: {summary}");
        Assert.True(
            after - before < LimitBytes + MarginBytes,
            $"The heap grew by {(after - before) / 1024 / 1024} MB over {Requests} distinct requests (limit {LimitBytes / 1024 / 1024} MB + margin {MarginBytes / 1024 / 1024} MB); before {before / 1024 / 1024} MB, after {after / 1024 / 1024} MB; {summary}");
    }

    /// <summary>
    /// One of many distinct requests a crawler or an attacker could send, each a new cache key as sent: free-text
    /// searches, unknown parameters, Accept-Language variants, and valid parameters in many combinations (large page
    /// numbers give many small entries, where the bookkeeping around an entry outweighs its body).
    /// </summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, int i)
    {
        var j = i / 5;
        string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, (i % 5) switch
        {
            0 => $"/api/v2/guidance?q=grooming+{N(j)}",
            1 => $"/api/v2/guidance?page=1&utm_source={N(j)}",
            2 => $"/api/v2/contacts?age={N((j % 18) + 1)}&pageSize={N((j / 18 % 100) + 1)}&page={N((j / 1800) + 1)}",
            3 => "/api/v2/topics",
            _ => $"/api/v1/guidance?pageSize={N((j % 100) + 1)}&page={N((j / 100) + 1)}",
        });
        request.Headers.TryAddWithoutValidation("Accept-Language", $"cy-GB, cy;q=0.9, en-GB;q=0.{N((i % 8) + 1)}, x-{N(i)};q=0.1");
        using var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
