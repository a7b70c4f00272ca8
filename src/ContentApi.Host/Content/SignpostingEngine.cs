using ContentApi.Abstractions;

namespace ContentApi.Host.Content;

/// <summary>
/// Someone a contact would serve: their age (null for an adult of unknown age) and the audience they belong to (null
/// for an adult asking for themselves, whom no audience describes).
/// </summary>
internal sealed record ServicePerson(int? Age, Audience? Audience)
{
    /// <summary>
    /// The hard rule under every signposting rule, from the contact's own data: a contact with an age range is offered
    /// only to people inside it (an adult of unknown age only to a service that serves adults), and a contact with
    /// audiences only to people in one of them.
    /// </summary>
    public bool MayUse(Contact contact)
    {
        var ageFits = contact.AgeRange is not { } range || (Age is { } age ? range.Contains(age) : range.Max >= SignpostingRequest.AdultAge);
        var audienceFits = Audience is not { } audience || contact.Audiences.Count == 0 || contact.Audiences.Contains(audience);
        return ageFits && audienceFits;
    }
}

/// <summary>
/// A signposting question: the age of the person the help is about, who is asking, and about what. The asker follows
/// from the audience and the age: a young person under 18 asks for themselves; someone 18 or over with audience
/// young-people is an adult asking for themselves; a parent, carer or professional asks about a child of that age and
/// is themselves an adult.
/// </summary>
internal sealed record SignpostingRequest(int Age, Audience Audience, string? Topic, string? Force, string Locale)
{
    public const int AdultAge = 18;

    public SignpostingAsker Asker => Audience switch
    {
        Audience.ParentsCarers => SignpostingAsker.ParentCarer,
        Audience.Professionals => SignpostingAsker.Professional,
        _ => Age < AdultAge ? SignpostingAsker.YoungPerson : SignpostingAsker.Adult,
    };

    public bool AsksAboutSomeoneElse => Asker is SignpostingAsker.ParentCarer or SignpostingAsker.Professional;

    /// <summary>The person who asks. Parents, carers and professionals are adults whose own age is not asked.</summary>
    public ServicePerson AskingPerson => Asker switch
    {
        SignpostingAsker.YoungPerson => new ServicePerson(Age, Audience.YoungPeople),
        SignpostingAsker.Adult => new ServicePerson(Age, null),
        _ => new ServicePerson(null, Audience),
    };

    /// <summary>The person the help is about, when the asker asks about someone else.</summary>
    public ServicePerson Child => new(Age, Age < AdultAge ? Audience.YoungPeople : null);
}

/// <summary>One contact offered, with why.</summary>
internal sealed record SignpostingEntry(Entry<Contact> Contact, Entry<SignpostingRule> Rule, SignpostingUser UsedBy);

/// <summary>One tier of the answer, in display order.</summary>
internal sealed record SignpostingGroup(SignpostingTier Tier, Entry<SignpostingTierHeading>? Heading, IReadOnlyList<SignpostingEntry> Entries);

/// <summary>
/// Answers a signposting question from the rules in content: each served rule that applies (topic, age of the person
/// the help is about, who is asking) offers its contact, if the person who would use the contact may use it. Tiers are
/// shown emergency first; within a tier, rules keep their order in the content; a contact is offered once, by the
/// first rule that offers it.
/// </summary>
internal static class SignpostingEngine
{
    public static IReadOnlyList<SignpostingGroup> Answer(ContentSnapshot snapshot, SignpostingRequest request, ReviewClock reviews)
    {
        var filter = new ContentFilter { Force = request.Force, Locale = request.Locale, Reviews = reviews };
        var contacts = ContentQuery.Resolve(snapshot.Contacts, filter);
        var headings = ContentQuery.Resolve(snapshot.SignpostingTiers, filter);
        var rules = ContentQuery.Resolve(snapshot.SignpostingRules, filter).Where(r => Applies(r.Item, request));

        var offered = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<SignpostingEntry>();
        foreach (var rule in rules.OrderBy(r => r.Item.Tier))
        {
            var user = rule.Item.UsedBy == SignpostingUser.Child ? request.Child : request.AskingPerson;
            foreach (var contact in Offers(rule.Item, contacts, request).Where(c => user.MayUse(c.Item) && offered.Add(c.Item.Id)))
            {
                entries.Add(new SignpostingEntry(contact, rule, rule.Item.UsedBy));
            }
        }

        return entries
            .GroupBy(e => e.Rule.Item.Tier)
            .Select(g => new SignpostingGroup(g.Key, headings.FirstOrDefault(h => h.Item.Tier == g.Key), g.ToList()))
            .ToList();
    }

    private static bool Applies(SignpostingRule rule, SignpostingRequest request) =>
        (request.Topic is null || rule.Topics.Count == 0 || rule.Topics.Contains(request.Topic, StringComparer.Ordinal)) &&
        (rule.AgeRange is not { } ages || ages.Contains(request.Age)) &&
        (rule.Askers.Count == 0 || rule.Askers.Contains(request.Asker)) &&
        (rule.UsedBy == SignpostingUser.Asker || request.AsksAboutSomeoneElse);

    // A named contact resolves through the force's overrides; a category takes every contact of it from the
    // requested force, those that are about the topic.
    private static IEnumerable<Entry<Contact>> Offers(SignpostingRule rule, List<Entry<Contact>> contacts, SignpostingRequest request)
    {
        if (rule.ContactId is { } id)
        {
            var contact = contacts.FirstOrDefault(c => c.Item.Overrides == id) ?? contacts.FirstOrDefault(c => c.Item.Id == id);
            return contact is null ? [] : [contact];
        }

        return request.Force is null
            ? []
            : contacts.Where(c =>
                c.Item.Category == rule.ContactCategory &&
                string.Equals(c.Item.ForceId, request.Force, StringComparison.OrdinalIgnoreCase) &&
                (request.Topic is null || c.Item.Topics.Count == 0 || c.Item.Topics.Contains(request.Topic, StringComparer.Ordinal)));
    }
}
