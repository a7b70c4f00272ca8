using System.Globalization;
using ContentApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContentApi.Tests.Performance;

/// <summary>Runs alone, after every other test: its measure (bytes allocated by the whole process) must see only its own requests.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// What a cached hit may allocate, a budget that does not depend on the machine, so a change that makes the hot path
/// heavier fails here rather than slowly showing in the benchmark. Measured as the bytes the process allocates per hit
/// over a batch, less what the in-memory test server and client allocate for the lightest request there is
/// (<c>/health/live</c>, not cached), so only the API's own work per hit is counted.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class HotPathAllocationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Batch = 2_000;
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.Start();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // Budgets: the bytes measured on 2026-12-02 plus about a fifth, room for runtime and library updates but not for
    // a new copy of the body or a new per-request object graph. The figure grows with the body because the test
    // server and client copy it; the API itself writes the stored bytes as they are.
    [Theory]
    [InlineData("/api/v1/contacts/childline", 12_000)] // measured 9,917 (a 1.7 KB body)
    [InlineData("/api/v2/guidance/online-grooming-signs", 16_000)] // measured 13,135 (a 4 KB body)
    [InlineData("/api/v2/topics", 26_000)] // measured 21,789
    public async Task A_cached_hit_allocates_no_more_than_its_budget(string path, int budgetBytes)
    {
        var client = _host.Client;
        Assert.Equal("ContentApi; hit", await WarmAsync(client, path));

        var baseline = await BytesPerRequestAsync(client, "/health/live");
        var hit = await BytesPerRequestAsync(client, path);
        var own = hit - baseline;
        output.WriteLine($"{path}: {hit:N0} bytes per request, {baseline:N0} for /health/live, so {own:N0} bytes of the API's own per hit (budget {budgetBytes:N0})");

        Assert.True(own <= budgetBytes, $"{path}: a cached hit allocates {own.ToString("N0", CultureInfo.InvariantCulture)} bytes of its own, over its budget of {budgetBytes.ToString("N0", CultureInfo.InvariantCulture)}");
    }

    private static async Task<string?> WarmAsync(HttpClient client, string path)
    {
        string? status = null;
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            status = response.CacheStatus();
        }

        return status;
    }

    /// <summary>The lowest of three batches: a stray allocation elsewhere in the process can only raise a batch's figure.</summary>
    private static async Task<long> BytesPerRequestAsync(HttpClient client, string path)
    {
        var lowest = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Batch; i++)
            {
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
            }

            lowest = Math.Min(lowest, (GC.GetTotalAllocatedBytes(precise: true) - before) / Batch);
        }

        return lowest;
    }
}
