namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// The clock every test host runs on unless a test brings its own: it starts on a fixed day close to the shipped
/// content's review dates and then runs at real speed (timers and timeouts behave as usual). Without it, the suite
/// would start failing on the day real content falls overdue, for reasons unrelated to the code under test; that day
/// is guarded by <see cref="Reviews.ShippedContentReviewTests"/>, which runs on the real clock.
/// </summary>
public sealed class SuiteClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // One timeline for the whole test run: hosts started later must not see time run backwards, or a copy one host
    // wrote would look newer to the next.
    private static readonly long StartedAt = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Start + System.GetElapsedTime(StartedAt);
}
