using ContentApi.Content;

namespace ContentApi.Cli.Translations;

/// <summary>
/// The context a translator needs and a string alone cannot give: what kind of item it is, who reads it, how old they
/// are and how plainly to write. Written as XLIFF notes, which every translation tool shows beside the string.
/// </summary>
internal static class TranslationNotes
{
    public static IReadOnlyList<(string Category, string Text)> ForItem(TranslatableItem item)
    {
        var notes = new List<(string, string)>
        {
            ("kind", item.KindNote ?? item.Kind),
            ("audience", item.Audiences.Count == 0 ? "everyone" : string.Join(", ", item.Audiences)),
            ("age-band", item.AgeRange ?? "every age"),
            ("reading-age", ReadingAge(item.Audiences, Band(item, "reason"))),
        };
        if (item.State == TranslationState.Stale)
        {
            notes.Add(("state", $"The English changed after the last translation{(item.Translation?.Translator is { } who ? $" (by {who})" : string.Empty)}. " +
                "Each string's note gives the earlier translation; update it to match the new English."));
        }

        return notes;
    }

    public static IReadOnlyList<(string Category, string Text)> ForUnit(TranslatableItem item, TranslationUnit unit, string? previous)
    {
        var notes = new List<(string, string)>();
        if (Band(item, unit.Path) is { } band)
        {
            notes.Add(("reading-age", $"written for readers aged {band}: {ReadingAge(item.Audiences, band)}"));
        }

        if (unit.Path.StartsWith("channels.", StringComparison.Ordinal) && int.TryParse(unit.Path.Split('.')[1], out var index) && index < item.Channels.Count)
        {
            notes.Add(("channel", $"the label or opening hours of the {item.Channels[index].Type} channel {item.Channels[index].Value}"));
        }

        if (previous is not null)
        {
            notes.Add(("previous-translation", previous));
        }

        return notes;
    }

    // Signposting reasons are written for a reader's age band: reasons.8-10 for 8 to 10 year olds, reason for the band
    // the rule names (adults when it names none).
    private static string? Band(TranslatableItem item, string path) =>
        path.StartsWith("reasons.", StringComparison.Ordinal) ? path["reasons.".Length..]
        : path == "reason" && item.Kind == "signposting-rule" ? item.ReasonAgeBand ?? "adults"
        : null;

    private static string ReadingAge(IReadOnlyList<string> audiences, string? band) => band switch
    {
        "4-7" => "reading age about 6: very short sentences and everyday words; an adult may read it aloud",
        "8-10" or "11-13" or "14-17" => "reading age about 9: short sentences, everyday words, the informal you (ti in Welsh)",
        "adults" => "plain English for adults: short sentences, no jargon",
        _ when audiences.Contains("young-people") => "reading age about 9: short sentences, everyday words, the informal you (ti in Welsh)",
        _ => "plain English for adults: short sentences, no jargon",
    };
}
