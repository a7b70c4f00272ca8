using ContentApi.Abstractions;

namespace Fixture.InvalidContentPlugin;

/// <summary>
/// Builds its items in code, as a plugin reading a database or an API would, and gets most of them wrong: the host
/// must reject each bad item with its reason and serve the rest.
/// </summary>
public sealed class InvalidContentPlugin : IContentPlugin
{
    private static readonly SourceReference Source = new("Tests", new Uri("https://example.org/source"));
    private static readonly ReviewInfo Review = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "Tests");

    /// <inheritdoc />
    public ValueTask<PluginContent> LoadAsync(PluginContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PluginContent
        {
            Contacts =
            [
                Contact("fixture-valid-helpline", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0000" }),
                Contact("fixture-http-link", new ContactChannel { Type = ChannelType.Web, Value = "http://example.org/help" }),
                Contact("fixture-bad-phone", new ContactChannel { Type = ChannelType.Phone, Value = "call us" }),
                Contact("fixture-bad-age", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0001" }) with { AgeRange = new AgeRange(14, 8) },
                Contact("fixture-too-old", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0002" }) with { AgeRange = new AgeRange(18, 99) },
                Contact("fixture-bad-locale", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0003" }) with { Locale = "english" },
                Contact("fixture-no-review", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0004" }) with { Review = new ReviewInfo(default, default, null) },
                Contact("Fixture Bad Id", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0005" }),
                Contact("fixture-valid-helpline", new ContactChannel { Type = ChannelType.Phone, Value = "0800 000 0006" }),
            ],
            Advice =
            [
                new AgeBandAdvice
                {
                    Id = "fixture-dangling-references",
                    AgeBandId = "99-100",
                    Title = "Advice that points at nothing",
                    WhatToDo = ["Talk to someone you trust."],
                    RelatedContacts = ["no-such-contact"],
                    Source = Source,
                    Review = Review,
                },
            ],
        });

    private static Contact Contact(string id, ContactChannel channel) => new()
    {
        Id = id,
        Name = "Fixture helpline",
        Description = "A helpline built in code by a test fixture.",
        WhoFor = "Anyone.",
        Channels = [channel],
        Verification = new Verification(VerificationStatus.Verified, new DateOnly(2026, 1, 1)),
        Source = Source,
        Review = Review,
    };
}
