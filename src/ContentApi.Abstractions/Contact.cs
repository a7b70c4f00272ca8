namespace ContentApi.Abstractions;

/// <summary>A signposting contact: a helpline, a reporting route or the police.</summary>
public sealed record Contact : ContentItem
{
    /// <summary>Service name, for example "Childline".</summary>
    public required string Name { get; init; }

    /// <summary>Who runs the service, for example "NSPCC".</summary>
    public string? Organisation { get; init; }

    /// <summary>What the service does, in plain English.</summary>
    public required string Description { get; init; }

    /// <summary>Who the service is for, in plain English.</summary>
    public required string WhoFor { get; init; }

    /// <summary>
    /// Who may get in touch with the service themselves: a young person, an adult asking for themselves, a parent or
    /// carer, or a professional. Empty means anyone. <see cref="ContentItem.AgeRange"/> is always the age of the person
    /// the service helps (the child), never the age of whoever gets in touch: the NSPCC Helpline helps children aged
    /// 0 to 17 and is contacted by parents, carers and professionals. Added in contract 1.2.
    /// </summary>
    public IReadOnlyList<SignpostingAsker> Askers { get; init; } = [];

    /// <summary>What kind of route this is; signposting orders contacts by it.</summary>
    public ContactCategory Category { get; init; } = ContactCategory.Helpline;

    /// <summary>How to reach the service.</summary>
    public IReadOnlyList<ContactChannel> Channels { get; init; } = [];

    /// <summary>Whether the facts were confirmed, when, and why not.</summary>
    public required Verification Verification { get; init; }
}

/// <summary>What kind of route a contact is.</summary>
public enum ContactCategory
{
    /// <summary>Immediate danger: 999.</summary>
    Emergency,

    /// <summary>Reporting routes such as CEOP or the police.</summary>
    Reporting,

    /// <summary>Getting images removed, such as Report Remove.</summary>
    ImageRemoval,

    /// <summary>Someone to talk to.</summary>
    Helpline,

    /// <summary>A force's own local contacts.</summary>
    Local,
}

/// <summary>One way to reach a contact.</summary>
public sealed record ContactChannel
{
    /// <summary>The kind of channel.</summary>
    public required ChannelType Type { get; init; }

    /// <summary>The number, https address or email address.</summary>
    public required string Value { get; init; }

    /// <summary>A short label, for example "Call free".</summary>
    public string? Label { get; init; }

    /// <summary>When the channel is open.</summary>
    public OpeningHours? Hours { get; init; }

    /// <summary>True when the person need not give their name; null when not known.</summary>
    public bool? Anonymous { get; init; }

    /// <summary>True when contact is free of charge; null when not known.</summary>
    public bool? Free { get; init; }
}

/// <summary>The kinds of channel.</summary>
public enum ChannelType
{
    /// <summary>A phone number.</summary>
    Phone,

    /// <summary>A textphone number.</summary>
    Textphone,

    /// <summary>A number to text.</summary>
    Sms,

    /// <summary>A website or web form.</summary>
    Web,

    /// <summary>Online chat.</summary>
    Chat,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A phone app.</summary>
    App,
}

/// <summary>When a channel is open.</summary>
public sealed record OpeningHours
{
    /// <summary>Open every hour of every day.</summary>
    public bool AlwaysOpen { get; init; }

    /// <summary>The hours in words, for example "Monday to Friday, 10am to 4pm".</summary>
    public string? Text { get; init; }

    /// <summary>Structured weekly opening periods, when known.</summary>
    public IReadOnlyList<OpeningPeriod> Weekly { get; init; } = [];
}

/// <summary>A weekly opening period.</summary>
/// <param name="Days">The days it applies to.</param>
/// <param name="Opens">Opening time, UK local time.</param>
/// <param name="Closes">Closing time, UK local time.</param>
public sealed record OpeningPeriod(IReadOnlyList<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes);

/// <summary>Whether a contact's facts were confirmed against their source.</summary>
/// <param name="Status">Verified or not.</param>
/// <param name="LastVerified">When the facts were last checked against the source.</param>
/// <param name="Note">What is not confirmed, when unverified.</param>
public sealed record Verification(VerificationStatus Status, DateOnly LastVerified, string? Note = null);

/// <summary>Verification states.</summary>
public enum VerificationStatus
{
    /// <summary>Confirmed against the source on the last-verified date.</summary>
    Verified,

    /// <summary>Seen only in older or secondary sources; check before relying on it.</summary>
    Unverified,
}
