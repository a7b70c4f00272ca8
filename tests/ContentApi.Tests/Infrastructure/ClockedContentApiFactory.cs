using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.Tests.Infrastructure;

/// <summary>
/// A host whose clock is a <see cref="FakeTimeProvider"/> the test moves by hand, so review dates, withholding and
/// change stamps can be tested on any day without waiting for it.
/// </summary>
public sealed class ClockedContentApiFactory : ContentApiFactory
{
    private ClockedContentApiFactory(IDictionary<string, string?> settings, DateTimeOffset now)
        : base(settings)
    {
        Clock = new FakeTimeProvider(now);
    }

    public FakeTimeProvider Clock { get; }

    public static ClockedContentApiFactory At(DateTimeOffset now, IDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>(), now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
