using ContentApi.Abstractions;

namespace Fixture.RecordingPlugin;

/// <summary>Serves one helpline and logs each time its code runs, naming its folder (<see cref="LoadMessage"/>).</summary>
public sealed class RecordingPlugin : IContentPlugin
{
    /// <summary>What each load logs, followed by the plugin folder.</summary>
    public const string LoadMessage = "RecordingPlugin.LoadAsync ran in ";

    /// <inheritdoc />
    public ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Log.Information(LoadMessage + context.PluginDirectory);
        return ValueTask.FromResult(new PluginContent
        {
            Contacts =
            [
                new Contact
                {
                    Id = "recording-helpline",
                    Name = "Recording helpline",
                    Description = "A helpline built in code by a test fixture.",
                    WhoFor = "Anyone.",
                    Channels = [new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0000" }],
                    Verification = new Verification(VerificationStatus.Verified, new DateOnly(2026, 1, 1)),
                    Source = new SourceReference("Tests", new Uri("https://example.org/source")),
                    Review = new ReviewInfo(new DateOnly(2026, 1, 1), new DateOnly(2099, 12, 31), "Tests"),
                },
            ],
        });
    }
}
