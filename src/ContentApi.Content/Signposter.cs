using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// A signposting question: the age of the person the help is about (always the child's age, or the asker's own when
/// they ask for themselves; <see cref="AgeRange.Adult"/> for anyone over 25), who is asking, and about what.
/// The asker follows from the audience and the age: young-people under 18 is a young person asking for themselves,
/// 18 or over an adult asking for themselves; parents-carers and professionals are adults asking about a child.
/// </summary>
/// <param name="Age">The age of the person the help is about, 0-25 or <see cref="AgeRange.Adult"/>.</param>
/// <param name="Audience">Who is asking.</param>
/// <param name="Topic">The topic, or null for every topic.</param>
public sealed record SignpostingQuestion(int Age, Audience Audience, string? Topic)
{
    /// <summary>The age from which someone asking for themselves is an adult.</summary>
    public const int AdultAge = 18;

    /// <summary>Who is asking.</summary>
    public SignpostingAsker Asker => Audience switch
    {
        Audience.ParentsCarers => SignpostingAsker.ParentCarer,
        Audience.Professionals => SignpostingAsker.Professional,
        _ => Themselves(Age),
    };

    /// <summary>True for a parent, carer or professional asking about someone else.</summary>
    public bool AsksAboutSomeoneElse => Asker is SignpostingAsker.ParentCarer or SignpostingAsker.Professional;

    /// <summary>The band the reasons must be written for: the young person's own, or adults for everyone else.</summary>
    public ReasonAgeBand ReaderBand => Asker == SignpostingAsker.YoungPerson ? ReasonAgeBand.ForAge(Age) : ReasonAgeBand.Adults;

    /// <summary>Who would get in touch with a service offered for <paramref name="usedBy"/>.</summary>
    /// <param name="usedBy">The asker, or the child they ask about.</param>
    /// <returns>A young person or an adult for the child; the asker otherwise.</returns>
    public SignpostingAsker User(SignpostingUser usedBy) => usedBy == SignpostingUser.Child ? Themselves(Age) : Asker;

    /// <summary>Whether the contact's own data lets the person who would use it do so.</summary>
    /// <param name="contact">The contact.</param>
    /// <param name="usedBy">Who would get in touch with it.</param>
    /// <returns>True when the helped age and the user both fit.</returns>
    public bool MayUse(Contact contact, SignpostingUser usedBy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var user = User(usedBy);
        var ageFits = contact.AgeRange is not { } range || range.Contains(Age);
        return ageFits && ContactServes(contact, user);
    }

    /// <summary>
    /// Whether the person may get in touch with the contact: its askers when it names them; for content written
    /// before askers existed, its audiences (young-people for anyone asking for themselves).
    /// </summary>
    /// <param name="contact">The contact.</param>
    /// <param name="asker">Who would get in touch.</param>
    /// <returns>True when the contact serves them.</returns>
    public static bool ContactServes(Contact contact, SignpostingAsker asker)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Askers.Count > 0)
        {
            return contact.Askers.Contains(asker);
        }

        var audience = asker switch
        {
            SignpostingAsker.ParentCarer => Audience.ParentsCarers,
            SignpostingAsker.Professional => Audience.Professionals,
            _ => Audience.YoungPeople,
        };
        return contact.Audiences.Count == 0 || contact.Audiences.Contains(audience);
    }

    private static SignpostingAsker Themselves(int age) => age < AdultAge ? SignpostingAsker.YoungPerson : SignpostingAsker.Adult;
}

/// <summary>The words a signposting entry gives for why it is listed.</summary>
/// <param name="Text">The reason.</param>
/// <param name="AgeBand">The reader age band the words were written for.</param>
/// <param name="Locale">The language of the words.</param>
public sealed record ChosenReason(string Text, ReasonAgeBand AgeBand, string Locale);

/// <summary>One contact a rule offers, for whom, and why.</summary>
/// <param name="Contact">The contact (a force's own when it overrides the one the rule names).</param>
/// <param name="Rule">The rule, in the language served.</param>
/// <param name="UsedBy">Who would get in touch with it.</param>
/// <param name="Reason">The reason chosen for the reader.</param>
public sealed record SignpostingOffer(Contact Contact, SignpostingRule Rule, SignpostingUser UsedBy, ChosenReason Reason);

/// <summary>
/// Answers a signposting question from rules and contacts already chosen for one force and language: each rule that
/// applies (topic, age, who is asks) offers its contact when the person who would use it may (the contact's own age
/// range and askers); tiers come emergency first, rules keep their order within a tier, and a contact is offered
/// once, by the first rule that offers it. The host, the Signposting plugin's load check and the invariant tests all
/// answer through this one piece.
/// </summary>
public static class Signposter
{
    /// <summary>Answers the question.</summary>
    /// <param name="contacts">Contacts served for the force and language (national ones replaced by overrides).</param>
    /// <param name="rules">Rules served for the language.</param>
    /// <param name="question">The question.</param>
    /// <param name="force">The force asked about, if any: its local contacts fill the local tier.</param>
    /// <param name="original">The en-GB original of a translated rule, for reasons the translation lacks.</param>
    /// <returns>The offers in display order.</returns>
    public static IReadOnlyList<SignpostingOffer> Answer(
        IReadOnlyList<Contact> contacts, IEnumerable<SignpostingRule> rules, SignpostingQuestion question, string? force, Func<SignpostingRule, SignpostingRule> original)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(original);
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var offers = new List<SignpostingOffer>();
        foreach (var rule in rules.Where(r => Applies(r, question)).OrderBy(r => r.Tier))
        {
            foreach (var contact in Offers(rule, contacts, question, force).Where(c => question.MayUse(c, rule.UsedBy) && offered.Add(c.Id)))
            {
                offers.Add(new SignpostingOffer(contact, rule, rule.UsedBy, ChooseReason(rule, original(rule), question.ReaderBand)));
            }
        }

        return offers;
    }

    /// <summary>
    /// The reason for a reader: the words written for their band, else the nearest younger band, else (only when the
    /// rule has nothing that young) the nearest older band. The band is chosen from the en-GB original, so a
    /// translation that lacks the words for that band falls back to the English words rather than to older ones.
    /// </summary>
    /// <param name="rule">The rule in the language served.</param>
    /// <param name="original">Its en-GB original (the rule itself when it is the original).</param>
    /// <param name="reader">The reader's band.</param>
    /// <returns>The words, their band and their language.</returns>
    public static ChosenReason ChooseReason(SignpostingRule rule, SignpostingRule original, ReasonAgeBand reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var written = Written(original).ToList();
        var youngerOrSame = written.Where(w => w.Band.Order <= reader.Order).ToList();
        var band = youngerOrSame.Count > 0
            ? youngerOrSame.MaxBy(w => w.Band.Order).Band
            : written.MinBy(w => w.Band.Order).Band;
        var translated = ReferenceEquals(rule, original) ? null : Written(rule).FirstOrDefault(w => w.Band == band).Text;
        return translated is not null
            ? new ChosenReason(translated, band, rule.Locale)
            : new ChosenReason(written.First(w => w.Band == band).Text, band, original.Locale);
    }

    private static IEnumerable<(ReasonAgeBand Band, string Text)> Written(SignpostingRule rule) =>
        rule.AgeBandReasons
            .Select(r => (Band: ReasonAgeBand.Find(r.AgeBand), r.Text))
            .Where(r => r.Band is not null)
            .Select(r => (r.Band!, r.Text))
            .Prepend((ReasonAgeBand.Find(rule.ReasonAgeBand) ?? ReasonAgeBand.Adults, rule.Reason));

    private static bool Applies(SignpostingRule rule, SignpostingQuestion question) =>
        (question.Topic is null || rule.Topics.Count == 0 || rule.Topics.Contains(question.Topic, StringComparer.Ordinal)) &&
        (rule.AgeRange is not { } ages || ages.Contains(question.Age)) &&
        (rule.Askers.Count == 0 || rule.Askers.Contains(question.Asker)) &&
        (rule.UsedBy == SignpostingUser.Asker || question.AsksAboutSomeoneElse);

    // A named contact resolves through the force's overrides; a category takes every contact of it from the
    // requested force, those that are about the topic.
    private static IEnumerable<Contact> Offers(SignpostingRule rule, IReadOnlyList<Contact> contacts, SignpostingQuestion question, string? force)
    {
        if (rule.ContactId is { } id)
        {
            var contact = contacts.FirstOrDefault(c => c.Overrides == id) ?? contacts.FirstOrDefault(c => c.Id == id);
            return contact is null ? [] : [contact];
        }

        return force is null
            ? []
            : contacts.Where(c =>
                c.Category == rule.ContactCategory &&
                string.Equals(c.ForceId, force, StringComparison.OrdinalIgnoreCase) &&
                (question.Topic is null || c.Topics.Count == 0 || c.Topics.Contains(question.Topic, StringComparer.Ordinal)));
    }
}

/// <summary>Whether a contact suits who is asking and the age of the person the help is about, when either is given.</summary>
public static class ContactWho
{
    /// <summary>
    /// With an age and an audience, exactly the signposting check: the contact helps someone of that age and the asker
    /// may get in touch with it. With an audience alone, any asker of that audience may (young-people: a young person or
    /// an adult asking for themselves). With an age alone, as if the person of that age asked for themselves.
    /// </summary>
    /// <param name="contact">The contact.</param>
    /// <param name="audience">Who is asking, if given.</param>
    /// <param name="age">The age of the person helped, if given.</param>
    /// <returns>True when the contact suits them.</returns>
    public static bool Serves(Contact contact, Audience? audience, int? age)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return (audience, age) switch
        {
            ({ } who, { } years) => new SignpostingQuestion(years, who, null).MayUse(contact, SignpostingUser.Asker),
            ({ } who, null) => AskersOf(who).Any(a => SignpostingQuestion.ContactServes(contact, a)),
            // Without an audience, the safe reading: the person of that age is asking for themselves, so a child is
            // never shown an adults-only service.
            (null, { } years) => new SignpostingQuestion(years, Audience.YoungPeople, null).MayUse(contact, SignpostingUser.Asker),
            _ => true,
        };
    }

    private static SignpostingAsker[] AskersOf(Audience audience) => audience switch
    {
        Audience.ParentsCarers => [SignpostingAsker.ParentCarer],
        Audience.Professionals => [SignpostingAsker.Professional],
        _ => [SignpostingAsker.YoungPerson, SignpostingAsker.Adult],
    };
}
