namespace ContentApi.Tests.Infrastructure;

/// <summary>Waits for a condition by polling, with a generous limit for a loaded 2-core machine; never a fixed sleep.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
