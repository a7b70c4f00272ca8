using System.Globalization;
using System.Net.Mail;
using ContentApi.Abstractions;

namespace ContentApi.Content;

#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>A signposting contact in a content file.</summary>
public sealed class ContactDocument : ItemDocument
{
    [PerLocale]
    public string? Name { get; set; }

    public string? Organisation { get; set; }

    [PerLocale]
    public string? Description { get; set; }

    [PerLocale]
    public string? WhoFor { get; set; }

    /// <summary>emergency, reporting, image-removal, helpline or local.</summary>
    [Words(typeof(ContactCategory))]
    public string? Category { get; set; }

    /// <summary>How to reach the service; a translation names the type and value of each channel it translates.</summary>
    [PerLocale]
    public List<ChannelDocument>? Channels { get; set; }

    public VerificationDocument? Verification { get; set; }

    /// <summary>Who may get in touch; the audiences follow from it when they are not given.</summary>
    [Words(typeof(SignpostingAsker))]
    public List<string>? Askers { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591

internal sealed class ContactKind : ContractKind<Contact, ContactDocument>
{
    public ContactKind()
        : base("contact", "contacts", c => c.Contacts, (c, items) => c with { Contacts = items })
    {
        TranslatorNote = "signposting contact: a service people can call, text or visit (keep service names as the service writes them)";
        InChangesFeed = true;
        ForceScoped = true;
        TitledBy("name", contact => contact.Name);
        RequireText("description", contact => contact.Description);
        RequireText("whoFor", contact => contact.WhoFor);
    }

    protected override Contact Build(ContactDocument d, ItemFields f, CommonFields c)
    {
        var contact = new Contact
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Name = f.Required(d.Name, "name"),
            Organisation = d.Organisation,
            Description = f.Required(d.Description, "description"),
            WhoFor = f.Required(d.WhoFor, "whoFor"),
            Category = f.Enum(d.Category, "category", ContactCategory.Helpline),
            Channels = (d.Channels ?? []).Select((ch, i) => Channel(ch, $"channels[{i}]", f)).ToList(),
            Verification = Verification(d.Verification, f),
            Askers = f.Enums<SignpostingAsker>(d.Askers, "askers"),
        };
        if (d.Channels is null or { Count: 0 })
        {
            f.Problem("channels", "a contact needs at least one channel");
        }

        return contact;
    }

    // Who may get in touch is declared once, as askers; the audiences it is written for follow from it (anyone
    // asking for themselves, young or adult, is the young-people audience of a signposting request).
    protected override Contact Complete(Contact item, ContactDocument document) =>
        document.Audiences is null && item.Askers.Count > 0
            ? item with { Audiences = item.Askers.Select(AudienceOf).Distinct().ToList() }
            : item;

    protected override SearchText Search(Contact item) => new(item.Name, item.Description, $"{item.Organisation} {item.WhoFor}");

    private static Audience AudienceOf(SignpostingAsker asker) => asker switch
    {
        SignpostingAsker.ParentCarer => Audience.ParentsCarers,
        SignpostingAsker.Professional => Audience.Professionals,
        _ => Audience.YoungPeople,
    };

    protected override void Check(Contact contact, ICollection<string> reasons)
    {
        if (contact.Channels.Count == 0)
        {
            reasons.Add("channels: a contact needs at least one channel");
        }

        for (var i = 0; i < contact.Channels.Count; i++)
        {
            if (ChannelProblem(contact.Channels[i]) is { } problem)
            {
                reasons.Add($"channels[{i}].value: {problem}");
            }
        }

        if (contact.Verification is null)
        {
            reasons.Add("verification: is required for contacts");
        }
        else if (contact.Verification.LastVerified == default)
        {
            reasons.Add("verification.lastVerified: is required");
        }
        else if (contact.Verification.Status == VerificationStatus.Unverified && string.IsNullOrWhiteSpace(contact.Verification.Note))
        {
            reasons.Add("verification.note: say what is unverified");
        }
    }

    private static string? ChannelProblem(ContactChannel channel) => channel.Type switch
    {
        ChannelType.Phone or ChannelType.Textphone or ChannelType.Sms when !ContentRules.IsPhoneNumber(channel.Value) =>
            ContentRules.NotAPhoneNumber(channel.Value),
        ChannelType.Email when !MailAddress.TryCreate(channel.Value, out _) => $"'{channel.Value}' is not an email address",
        ChannelType.Web or ChannelType.Chat or ChannelType.App
            when !(Uri.TryCreate(channel.Value, UriKind.Absolute, out var uri) && ContentRules.IsHttps(uri)) =>
            $"'{channel.Value}' must be an absolute https address",
        _ => null,
    };

    private static ContactChannel Channel(ChannelDocument ch, string field, ItemFields f) => new()
    {
        Type = f.Enum<ChannelType>(ch.Type, $"{field}.type", default, required: true),
        Value = f.Required(ch.Value, $"{field}.value"),
        Label = ch.Label,
        Hours = ch.Hours is null ? null : new OpeningHours
        {
            AlwaysOpen = ch.Hours.AlwaysOpen ?? false,
            Text = ch.Hours.Text,
            Weekly = (ch.Hours.Weekly ?? []).Select((p, i) => Period(p, $"{field}.hours.weekly[{i}]", f)).OfType<OpeningPeriod>().ToList(),
        },
        Anonymous = ch.Anonymous,
        Free = ch.Free,
    };

    private static OpeningPeriod? Period(PeriodDocument p, string field, ItemFields f)
    {
        var days = (p.Days ?? []).Select((day, i) => Day(day, $"{field}.days[{i}]", f)).OfType<DayOfWeek>().ToList();
        if (days.Count == 0)
        {
            f.Problem($"{field}.days", "needs at least one day");
        }

        var opens = Time(p.Opens, $"{field}.opens", f);
        var closes = Time(p.Closes, $"{field}.closes", f);
        return opens is { } o && closes is { } c ? new OpeningPeriod(days, o, c) : null;
    }

    private static Verification Verification(VerificationDocument? v, ItemFields f)
    {
        if (v is null)
        {
            f.Problem("verification", "is required for contacts ({ status, lastVerified })");
            return new Verification(VerificationStatus.Unverified, default);
        }

        return new Verification(
            f.Enum(v.Status, "verification.status", VerificationStatus.Unverified, required: true),
            f.RequiredDate(v.LastVerified, "verification.lastVerified"),
            v.Note);
    }

    private static DayOfWeek? Day(string day, string field, ItemFields f)
    {
        var trimmed = day.Trim();
        var match = Enum.GetValues<DayOfWeek>().Where(d => trimmed.Length >= 3 && d.ToString().StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1 ? match[0] : f.Fail<DayOfWeek?>(field, $"'{day}' is not a day (mon, tue, ... or monday, ...)");
    }

    private static TimeOnly? Time(string? text, string field, ItemFields f) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : f.Fail<TimeOnly?>(field, $"'{text}' is not a time in HH:mm");
}
