using ContentApi.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentApi.Content;

/// <summary>The kinds of safety check an invariant can make. Each is a few lines of code; what it checks is data.</summary>
public enum InvariantCheck
{
    /// <summary>The answer starts with the named contact, in the emergency tier.</summary>
    First,

    /// <summary>Every named contact (or the force's own in its place) is offered, whenever the invariant applies.</summary>
    Offers,

    /// <summary>No contact only adults may use (askers without young-person, or helping only ages 18 and over) is offered for an under-18 to use.</summary>
    NoAdultsOnlyServiceForUnder18s,

    /// <summary>The force's own contact that overrides the named national one is offered instead of it; without a force's own, the national one.</summary>
    ForceOwnReplacesNational,

    /// <summary>No reason is written for an older reader age band than the asker's.</summary>
    ReasonsFitTheReader,
}

/// <summary>A safety invariant of signposting, read from data: an id, a plain sentence, and what to check when.</summary>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Says">The invariant in one plain sentence.</param>
/// <param name="Check">Which check it makes.</param>
/// <param name="Contacts">The contact ids the check is about.</param>
/// <param name="Topics">The topics it applies to; empty: every topic and no topic.</param>
/// <param name="Askers">Who asking it applies to; empty: anyone.</param>
/// <param name="Ages">The ages (of the person helped) it applies to; null: every age.</param>
public sealed record SignpostingInvariant(
    string Id, string Says, InvariantCheck Check, IReadOnlyList<string> Contacts, IReadOnlyList<string> Topics, IReadOnlyList<SignpostingAsker> Askers, AgeRange? Ages)
{
    /// <summary>Whether the invariant applies to the question.</summary>
    /// <param name="question">The question.</param>
    /// <returns>True when topic, asker and age all fit.</returns>
    public bool AppliesTo(SignpostingQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (Topics.Count == 0 || (question.Topic is { } topic && Topics.Contains(topic, StringComparer.Ordinal))) &&
               (Askers.Count == 0 || Askers.Contains(question.Asker)) &&
               (Ages is not { } ages || ages.Contains(question.Age));
    }

    /// <summary>What is wrong with an answer, if anything.</summary>
    /// <param name="question">The question answered.</param>
    /// <param name="force">The force asked about, if any.</param>
    /// <param name="served">Every contact served for that force and language.</param>
    /// <param name="answer">The answer.</param>
    /// <returns>Null when the answer keeps the invariant, else why not.</returns>
    public string? Violation(SignpostingQuestion question, string? force, IReadOnlyList<Contact> served, IReadOnlyList<SignpostingOffer> answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(answer);
        if (!AppliesTo(question))
        {
            return null;
        }

        var offered = answer.Select(o => o.Contact).ToList();
        string? Replacement(string id) => served.FirstOrDefault(c => c.Overrides == id && string.Equals(c.ForceId, force, StringComparison.OrdinalIgnoreCase))?.Id;
        bool IsOffered(string id) => offered.Any(c => c.Id == id || c.Overrides == id);
        return Check switch
        {
            InvariantCheck.First => answer.Count > 0 && answer[0].Rule.Tier == SignpostingTier.Emergency && Contacts.Contains(answer[0].Contact.Overrides ?? answer[0].Contact.Id)
                ? null
                : $"the answer starts with {(answer.Count == 0 ? "nothing" : answer[0].Contact.Id)}",
            InvariantCheck.Offers => Contacts.Where(id => !IsOffered(id)).ToList() is { Count: > 0 } missing
                ? $"{string.Join(" and ", missing)} not offered"
                : null,
            InvariantCheck.NoAdultsOnlyServiceForUnder18s => answer
                .Where(o => question.User(o.UsedBy) == SignpostingAsker.YoungPerson && IsAdultsOnly(o.Contact))
                .Select(o => $"{o.Contact.Id} offered for a young person to use")
                .FirstOrDefault(),
            InvariantCheck.ForceOwnReplacesNational => Contacts
                .Select(id => (National: id, Own: Replacement(id)))
                .Select(p => p.Own is { } own
                    ? offered.Any(c => c.Id == p.National) ? $"the national {p.National} is offered although the force has its own ({own})"
                      : offered.Any(c => c.Id == own) ? null : $"the force's own {own} is not offered"
                    : offered.Any(c => c.Id == p.National) ? null : $"{p.National} is not offered")
                .FirstOrDefault(v => v is not null),
            InvariantCheck.ReasonsFitTheReader => answer
                .Where(o => o.Reason.AgeBand.Order > question.ReaderBand.Order)
                .Select(o => $"the reason for {o.Contact.Id} (rule {o.Rule.Id}) is written for {o.Reason.AgeBand.Id}, older than the reader ({question.ReaderBand.Id})")
                .FirstOrDefault(),
            _ => $"unknown check {Check}",
        };
    }

    /// <summary>True for a service only adults may use: no young person may contact it, or it helps only ages 18 and over.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns>Whether it is adults-only.</returns>
    public static bool IsAdultsOnly(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.AgeRange is { Min: >= SignpostingQuestion.AdultAge } || !SignpostingQuestion.ContactServes(contact, SignpostingAsker.YoungPerson);
    }
}

/// <summary>
/// Reads the safety invariants file that sits next to the signposting rules, and walks every question the invariants
/// must hold for: every age 0-25 and adult, every topic and none, every audience.
/// </summary>
public static class SignpostingInvariants
{
    /// <summary>The invariants file, in a plugin's content folder; content readers do not read it as items.</summary>
    public const string FileName = "signposting-rules.invariants.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    /// <summary>Every age a question may give: 0 to 25, and <see cref="AgeRange.Adult"/>.</summary>
    public static IReadOnlyList<int> Ages { get; } = [.. Enumerable.Range(0, AgeRange.MaximumAge + 1), AgeRange.Adult];

    /// <summary>Every question for these topics (and no topic): every age and audience.</summary>
    /// <param name="topics">Topic ids.</param>
    /// <returns>The questions.</returns>
    public static IEnumerable<SignpostingQuestion> Questions(IEnumerable<string> topics) =>
        from topic in topics.Distinct(StringComparer.Ordinal).Select(t => (string?)t).Prepend(null)
        from audience in Enum.GetValues<Audience>()
        from age in Ages
        select new SignpostingQuestion(age, audience, topic);

    /// <summary>Reads invariants from YAML; every problem names the invariant and field.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="origin">The file, for problem reports.</param>
    /// <returns>The invariants read and the problems found.</returns>
    public static (IReadOnlyList<SignpostingInvariant> Invariants, IReadOnlyList<ContentProblem> Problems) Parse(string yaml, string origin)
    {
        var problems = new List<ContentProblem>();
        InvariantsDocument? document;
        try
        {
            document = Deserializer.Deserialize<InvariantsDocument?>(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return ([], [new ContentProblem($"{origin}:{e.Start.Line}", $"not valid YAML: {e.Message}")]);
        }

        var invariants = new List<SignpostingInvariant>();
        foreach (var (doc, index) in (document?.Invariants ?? []).Select((d, i) => (d, i)))
        {
            var where = $"{origin} (invariant {doc.Id ?? $"#{index + 1}"})";
            var problemsBefore = problems.Count;
            void Problem(string message) => problems.Add(new ContentProblem(where, message));
            if (doc.Id is null || !ContentValidator.IsValidId(doc.Id))
            {
                Problem("id: a kebab-case id is required");
            }

            if (string.IsNullOrWhiteSpace(doc.Says))
            {
                Problem("says: the invariant in one plain sentence is required");
            }

            if (!EnumText.TryParse<InvariantCheck>(doc.Check, out var check))
            {
                Problem($"check: '{doc.Check}' is not one of {string.Join(", ", EnumText.Names<InvariantCheck>())}");
            }

            var askers = new List<SignpostingAsker>();
            foreach (var asker in doc.Askers ?? [])
            {
                if (EnumText.TryParse<SignpostingAsker>(asker, out var parsed))
                {
                    askers.Add(parsed);
                }
                else
                {
                    Problem($"askers: '{asker}' is not one of {string.Join(", ", EnumText.Names<SignpostingAsker>())}");
                }
            }

            if (problems.Count == problemsBefore)
            {
                var ages = doc.Ages is { Min: { } min, Max: { } max } ? new AgeRange(min, max) : null;
                invariants.Add(new SignpostingInvariant(doc.Id!, doc.Says!.Trim(), check, doc.Contacts ?? [], doc.Topics ?? [], askers, ages));
            }
        }

        if (invariants.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ContentProblem(origin, "no invariants: the safety invariants of signposting must not be empty"));
        }

        return (invariants, problems);
    }

    /// <summary>Describes a question for a report, as the query string that asks it.</summary>
    /// <param name="question">The question.</param>
    /// <param name="force">The force, if any.</param>
    /// <param name="locale">The language.</param>
    /// <returns>For example <c>age=13&amp;audience=young-people&amp;topic=sextortion&amp;locale=en-GB</c>.</returns>
    public static string Describe(SignpostingQuestion question, string? force, string locale)
    {
        ArgumentNullException.ThrowIfNull(question);
        var age = question.Age == AgeRange.Adult ? "adult" : question.Age.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"age={age}&audience={EnumText.ToText(question.Audience)}" +
               (question.Topic is null ? string.Empty : $"&topic={question.Topic}") +
               (force is null ? string.Empty : $"&force={force}") + $"&locale={locale}";
    }

    private sealed class InvariantsDocument
    {
        public List<InvariantDocument>? Invariants { get; set; }
    }

    private sealed class InvariantDocument
    {
        public string? Id { get; set; }
        public string? Says { get; set; }
        public string? Check { get; set; }
        public List<string>? Contacts { get; set; }
        public List<string>? Topics { get; set; }
        public List<string>? Askers { get; set; }
        public AgesDocument? Ages { get; set; }
    }

    private sealed class AgesDocument
    {
        public int? Min { get; set; }
        public int? Max { get; set; }
    }
}
