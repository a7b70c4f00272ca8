using System.Globalization;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>Turns one parsed document into a contract item, collecting every problem instead of stopping at the first.</summary>
internal sealed class ItemMapper(string origin, List<ContentProblem> problems)
{
    private const string KnownKinds = "topic, guidance, contact, age-band, advice, force, signposting-rule or signposting-tier";

    private readonly string _origin = origin;
    private string _location = origin;

    public object? Map(ItemDocument doc)
    {
        _location = doc.Id is null ? _origin : $"{_origin} ({doc.Id})";
        var problemsBefore = problems.Count;
        var kind = doc.Kind?.Trim().ToLowerInvariant();
        object? item = kind switch
        {
            "topic" => MapTopic(doc),
            "guidance" => MapGuidance(doc),
            "contact" => MapContact(doc),
            "age-band" => MapAgeBand(doc),
            "advice" => MapAdvice(doc),
            "force" => MapForce(doc),
            "signposting-rule" => MapSignpostingRule(doc),
            "signposting-tier" => MapSignpostingTier(doc),
            null => Fail<object>("kind", $"is required ({KnownKinds})"),
            _ => Fail<object>("kind", $"'{doc.Kind}' is not a known kind ({KnownKinds})"),
        };
        return problems.Count == problemsBefore ? item : null;
    }

    private Topic? MapTopic(ItemDocument d) => Common(d) is { } c
        ? Apply(new Topic { Id = c.Id, Source = c.Source, Review = c.Review, Name = Required(d.Name, "name") }, d, c)
        : null;

    private GuidanceArticle? MapGuidance(ItemDocument d) => Common(d) is { } c
        ? Apply(new GuidanceArticle
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Title = Required(d.Title, "title"),
            Summary = Required(d.Summary, "summary"),
            BodyMarkdown = Required(d.Body, "body"),
            RelatedContacts = d.RelatedContacts ?? [],
        }, d, c)
        : null;

    private Contact? MapContact(ItemDocument d)
    {
        if (Common(d) is not { } c)
        {
            return null;
        }

        var contact = new Contact
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Name = Required(d.Name, "name"),
            Organisation = d.Organisation,
            Description = Required(d.Description, "description"),
            WhoFor = Required(d.WhoFor, "whoFor"),
            Category = ParseEnum(d.Category, "category", ContactCategory.Helpline),
            Channels = (d.Channels ?? []).Select((ch, i) => MapChannel(ch, $"channels[{i}]")).OfType<ContactChannel>().ToList(),
            Verification = MapVerification(d.Verification),
            Askers = MapAskers(d),
        };
        if (d.Channels is null or { Count: 0 })
        {
            Problem("channels", "a contact needs at least one channel");
        }

        var mapped = Apply(contact, d, c);

        // Who may get in touch is declared once, as askers; the audiences it is written for follow from it (anyone
        // asking for themselves, young or adult, is the young-people audience of a signposting request).
        return d.Audiences is null && mapped.Askers.Count > 0
            ? mapped with { Audiences = mapped.Askers.Select(AudienceOf).Distinct().ToList() }
            : mapped;
    }

    private static Audience AudienceOf(SignpostingAsker asker) => asker switch
    {
        SignpostingAsker.ParentCarer => Audience.ParentsCarers,
        SignpostingAsker.Professional => Audience.Professionals,
        _ => Audience.YoungPeople,
    };

    private List<SignpostingAsker> MapAskers(ItemDocument d) =>
        (d.Askers ?? []).Select((a, i) => ParseEnum<SignpostingAsker>(a, $"askers[{i}]", default)).Distinct().ToList();

    private AgeBand? MapAgeBand(ItemDocument d) => Common(d) is { } c
        ? Apply(new AgeBand { Id = c.Id, Source = c.Source, Review = c.Review, Label = Required(d.Label, "label") }, d, c)
        : null;

    private AgeBandAdvice? MapAdvice(ItemDocument d) => Common(d) is { } c
        ? Apply(new AgeBandAdvice
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            AgeBandId = Required(d.AgeBand, "ageBand"),
            Title = Required(d.Title, "title"),
            Summary = d.Summary,
            TalkAbout = d.TalkAbout ?? [],
            SignsToWatch = d.SignsToWatch ?? [],
            WhatToDo = d.WhatToDo ?? [],
            RelatedGuidance = d.RelatedGuidance ?? [],
            RelatedContacts = d.RelatedContacts ?? [],
        }, d, c)
        : null;

    private PoliceForce? MapForce(ItemDocument d) => Common(d) is { } c
        ? Apply(new PoliceForce
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Name = Required(d.Name, "name"),
            Website = OptionalUri(d.Website, "website"),
            Telephone = d.Telephone,
            IsWelsh = d.IsWelsh ?? false,
            EngagementMethods = (d.EngagementMethods ?? [])
                .Select(e => new EngagementMethod(e.Type ?? "web", e.Title, OptionalUri(e.Url, "engagementMethods.url")))
                .ToList(),
        }, d, c)
        : null;

    private SignpostingRule? MapSignpostingRule(ItemDocument d) => Common(d) is { } c
        ? Apply(new SignpostingRule
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Tier = ParseEnum<SignpostingTier>(d.Tier, "tier", default, required: true),
            ContactId = d.Contact,
            ContactCategory = d.ContactCategory is null ? null : ParseEnum<ContactCategory>(d.ContactCategory, "contactCategory", default),
            Askers = MapAskers(d),
            UsedBy = ParseEnum(d.UsedBy, "usedBy", SignpostingUser.Asker),
            Reason = Required(d.Reason, "reason"),
            ReasonAgeBand = d.ReasonAgeBand?.Trim() ?? ReasonAgeBand.Adults.Id,
            AgeBandReasons = (d.Reasons ?? []).Select(r => new AgeBandReason(r.Key.Trim(), r.Value)).ToList(),
        }, d, c)
        : null;

    private SignpostingTierHeading? MapSignpostingTier(ItemDocument d) => Common(d) is { } c
        ? Apply(new SignpostingTierHeading
        {
            Id = c.Id,
            Source = c.Source,
            Review = c.Review,
            Tier = ParseEnum<SignpostingTier>(d.Tier, "tier", default, required: true),
            Title = Required(d.Title, "title"),
            Description = d.Description,
        }, d, c)
        : null;

    private sealed record CommonFields(string Id, SourceReference Source, ReviewInfo Review);

    private CommonFields? Common(ItemDocument d)
    {
        var id = Required(d.Id, "id");
        var source = d.Source is null
            ? Fail<SourceReference>("source", "is required ({ publisher, url })")
            : new SourceReference(Required(d.Source.Publisher, "source.publisher"), RequiredUri(d.Source.Url, "source.url"));
        var review = d.Review is null
            ? Fail<ReviewInfo>("review", "is required ({ lastReviewed, nextReviewDue, owner })")
            : new ReviewInfo(
                RequiredDate(d.Review.LastReviewed, "review.lastReviewed"),
                RequiredDate(d.Review.NextReviewDue, "review.nextReviewDue"),
                d.Review.Owner);
        return source is null || review is null ? null : new CommonFields(id, source, review);
    }

    // Fields shared by every kind are applied in one place so each kind's mapping lists only what is its own.
    private T Apply<T>(T item, ItemDocument d, CommonFields c)
        where T : ContentItem => item with
        {
            Id = c.Id,
            Locale = string.IsNullOrWhiteSpace(d.Locale) ? ContentItem.DefaultLocale : d.Locale.Trim(),
            Audiences = (d.Audiences ?? []).Select((a, i) => ParseEnum<Audience>(a, $"audiences[{i}]", default)).Distinct().ToList(),
            AgeRange = MapAgeRange(d.AgeRange),
            Topics = d.Topics ?? [],
            ForceId = d.ForceId,
            Overrides = d.Overrides,
            DisplayVerbatim = d.DisplayVerbatim ?? false,
            TranslationStatus = ParseEnum(d.TranslationStatus, "translationStatus", TranslationStatus.Reviewed),
            Origin = _origin,
            Updated = OptionalTimestamp(d.Updated, "updated"),
            FirstPublished = d.FirstPublished is null ? null : RequiredDate(d.FirstPublished, "firstPublished"),
            Status = ParseEnum(d.Status, "status", ContentStatus.Published),
            Withdrawal = d.Withdrawal is null ? null : new WithdrawalNotice(
                RequiredDate(d.Withdrawal.On, "withdrawal.on"), Required(d.Withdrawal.Reason, "withdrawal.reason"), d.Withdrawal.ReplacedBy),
            Licence = d.Licence is null
                ? ContentLicence.OpenGovernmentLicence3
                : new ContentLicence(Required(d.Licence.Name, "licence.name"), RequiredUri(d.Licence.Url, "licence.url")),
            Attribution = d.Attribution?.Trim(),
        };

    // A date alone means the start of that day in UTC, so "updated: 2027-01-10" needs no time of day.
    private DateTimeOffset? OptionalTimestamp(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? timestamp.ToUniversalTime()
            : Fail<DateTimeOffset?>(field, $"'{value}' is not a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDThh:mm:ssZ)");
    }

    private AgeRange? MapAgeRange(AgeRangeDocument? range)
    {
        if (range is null)
        {
            return null;
        }

        if (range.Min is not { } min || range.Max is not { } maxText)
        {
            return Fail<AgeRange>("ageRange", "needs both min and max");
        }

        if (string.Equals(maxText.Trim(), "adult", StringComparison.OrdinalIgnoreCase))
        {
            return new AgeRange(min, AgeRange.Adult);
        }

        return int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? new AgeRange(min, max)
            : Fail<AgeRange>("ageRange.max", $"'{maxText}' is not a whole number of years or adult (every age over {AgeRange.MaximumAge})");
    }

    private ContactChannel? MapChannel(ChannelDocument ch, string field)
    {
        var type = ParseEnum<ChannelType>(ch.Type, $"{field}.type", default, required: true);
        var value = Required(ch.Value, $"{field}.value");
        return new ContactChannel
        {
            Type = type,
            Value = value,
            Label = ch.Label,
            Hours = ch.Hours is null ? null : new OpeningHours
            {
                AlwaysOpen = ch.Hours.AlwaysOpen ?? false,
                Text = ch.Hours.Text,
                Weekly = (ch.Hours.Weekly ?? []).Select((p, i) => MapPeriod(p, $"{field}.hours.weekly[{i}]")).OfType<OpeningPeriod>().ToList(),
            },
            Anonymous = ch.Anonymous,
            Free = ch.Free,
        };
    }

    private OpeningPeriod? MapPeriod(PeriodDocument p, string field)
    {
        var days = (p.Days ?? []).Select((day, i) => ParseDay(day, $"{field}.days[{i}]")).OfType<DayOfWeek>().ToList();
        if (days.Count == 0)
        {
            Problem($"{field}.days", "needs at least one day");
        }

        var opens = ParseTime(p.Opens, $"{field}.opens");
        var closes = ParseTime(p.Closes, $"{field}.closes");
        return opens is { } o && closes is { } c ? new OpeningPeriod(days, o, c) : null;
    }

    private Verification MapVerification(VerificationDocument? v)
    {
        if (v is null)
        {
            Problem("verification", "is required for contacts ({ status, lastVerified })");
            return new Verification(VerificationStatus.Unverified, default);
        }

        return new Verification(
            ParseEnum(v.Status, "verification.status", VerificationStatus.Unverified, required: true),
            RequiredDate(v.LastVerified, "verification.lastVerified"),
            v.Note);
    }

    private DayOfWeek? ParseDay(string day, string field)
    {
        var match = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(day.Trim(), StringComparison.OrdinalIgnoreCase) && day.Trim().Length >= 3);
        return match.Count() == 1 ? match.Single() : Fail<DayOfWeek?>(field, $"'{day}' is not a day (mon, tue, ... or monday, ...)");
    }

    private TimeOnly? ParseTime(string? text, string field) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Fail<TimeOnly?>(field, $"'{text}' is not a time in HH:mm");

    private TEnum ParseEnum<TEnum>(string? text, string field, TEnum fallback, bool required = false)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Problem(field, "is required");
            }

            return fallback;
        }

        if (EnumText.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Problem(field, $"'{text}' is not one of {string.Join(", ", EnumText.Names<TEnum>())}");
        return fallback;
    }

    private string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(field, "is required");
            return string.Empty;
        }

        return value.Trim();
    }

    private DateOnly RequiredDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly>(field, value is null ? "is required (YYYY-MM-DD)" : $"'{value}' is not a date (YYYY-MM-DD)");

    private Uri RequiredUri(string? value, string field) =>
        OptionalUri(value, field) ?? Fail<Uri>(field, "is required (an absolute https address)")!;

    private Uri? OptionalUri(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : Fail<Uri>(field, $"'{value}' is not an absolute address");
    }

    private void Problem(string field, string message) => problems.Add(new ContentProblem(_location, $"{field}: {message}"));

    private T? Fail<T>(string field, string message)
    {
        Problem(field, message);
        return default;
    }
}
