using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Features.Contacts;

/// <summary>Fields of a contact common to every API version.</summary>
public abstract record ContactResourceBase : ItemResource
{
    [SetsRequiredMembers]
    private protected ContactResourceBase(Entry<Contact> e, ResourceContext context)
        : base(e.Item, PluginIdentity.Of(e.Plugin), context)
    {
        Name = e.Item.Name;
        Organisation = e.Item.Organisation;
        Description = e.Item.Description;
        WhoFor = e.Item.WhoFor;
        Category = e.Item.Category;
        Verification = e.Item.Verification;
        Askers = e.Item.Askers;
    }

    /// <summary>Service name.</summary>
    public required string Name { get; init; }

    /// <summary>Who runs the service.</summary>
    public string? Organisation { get; init; }

    /// <summary>What the service does.</summary>
    public required string Description { get; init; }

    /// <summary>Who the service is for.</summary>
    public required string WhoFor { get; init; }

    /// <summary>What kind of route this is.</summary>
    public required ContactCategory Category { get; init; }

    /// <summary>Whether the facts were confirmed, and when.</summary>
    public required Verification Verification { get; init; }

    /// <summary>
    /// Who may get in touch with the service themselves (young-person, adult, parent-carer, professional); empty:
    /// anyone. The contact's ageRange is the age of the person the service helps, not of whoever gets in touch.
    /// </summary>
    public IReadOnlyList<SignpostingAsker> Askers { get; init; } = [];
}

/// <summary>
/// How an API version shapes a contact, so the contact and signposting endpoints are written once for both versions
/// and each version names only its shape.
/// </summary>
/// <typeparam name="TSelf">The version's contact resource.</typeparam>
internal interface IContactShape<TSelf>
    where TSelf : ContactResourceBase
{
    static abstract TSelf From(Entry<Contact> contact, ResourceContext context);
}

/// <summary>A contact in API v1: one flat field per channel type (the first of each), hours as text.</summary>
public sealed record ContactResourceV1 : ContactResourceBase, IContactShape<ContactResourceV1>
{
    [SetsRequiredMembers]
    internal ContactResourceV1(Entry<Contact> e, ResourceContext context)
        : base(e, context)
    {
        string? First(ChannelType type) => e.Item.Channels.FirstOrDefault(c => c.Type == type)?.Value;
        Phone = First(ChannelType.Phone);
        Textphone = First(ChannelType.Textphone);
        Sms = First(ChannelType.Sms);
        Web = First(ChannelType.Web);
        Chat = First(ChannelType.Chat);
        Email = First(ChannelType.Email);
        Hours = e.Item.Channels.FirstOrDefault()?.Hours is { } hours
            ? (hours.AlwaysOpen ? "24 hours a day, 7 days a week" : hours.Text)
            : null;
    }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Textphone number.</summary>
    public string? Textphone { get; init; }

    /// <summary>Number to text.</summary>
    public string? Sms { get; init; }

    /// <summary>Website or web form.</summary>
    public string? Web { get; init; }

    /// <summary>Online chat address.</summary>
    public string? Chat { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Opening hours of the main channel, as text.</summary>
    public string? Hours { get; init; }

    static ContactResourceV1 IContactShape<ContactResourceV1>.From(Entry<Contact> contact, ResourceContext context) => new(contact, context);
}

/// <summary>A contact in API v2: typed channel objects, each with structured opening hours.</summary>
public sealed record ContactResourceV2 : ContactResourceBase, IContactShape<ContactResourceV2>
{
    [SetsRequiredMembers]
    internal ContactResourceV2(Entry<Contact> e, ResourceContext context)
        : base(e, context)
    {
        Channels = e.Item.Channels;
    }

    /// <summary>Every way to reach the service.</summary>
    public required IReadOnlyList<ContactChannel> Channels { get; init; }

    static ContactResourceV2 IContactShape<ContactResourceV2>.From(Entry<Contact> contact, ResourceContext context) => new(contact, context);
}
