using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Reviews;

/// <summary>
/// The content this project ships must not be overdue by today's real date: overdue content is withheld from partners,
/// and other tests would fail for that reason alone. When this fails, review the items it names and move their dates.
/// </summary>
public sealed class ShippedContentReviewTests(ShippedContentReviewTests.RealClockHost host) : IClassFixture<ShippedContentReviewTests.RealClockHost>
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task No_first_party_item_is_overdue_for_review_today(string version)
    {
        var reviews = await (await host.CreateClient().GetAsync($"/api/{version}/reviews")).JsonAsync();

        var late = reviews.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("reviewStatus").GetString() is "overdue" or "withheld")
            .Select(i => $"{i.GetProperty("plugin")}/{i.GetProperty("kind")}/{i.GetProperty("id")} ({i.GetProperty("locale")}) due {i.GetProperty("nextReviewDue")}")
            .ToList();
        Assert.True(late.Count == 0, $"Shipped content is overdue for review; review it and update its dates: {string.Join("; ", late)}");
    }

    /// <summary>A host on the real clock: the only tests that should notice the real date are the review guards.</summary>
    public sealed class RealClockHost : SharedHost
    {
        protected override void Configure(TestHostOptions options) => options.WithRealClock();
    }
}
