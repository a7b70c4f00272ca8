using ContentApi.Abstractions;

namespace ContentApi.Content;

#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>An age band in a content file.</summary>
public sealed class AgeBandDocument : ItemDocument
{
    [PerLocale]
    public string? Label { get; set; }

    [PerLocale]
    public string? Description { get; set; }
}

/// <summary>Advice for one age band in a content file.</summary>
public sealed class AdviceDocument : ItemDocument
{
    /// <summary>The id of the age band the advice belongs to.</summary>
    public string? AgeBand { get; set; }

    [PerLocale]
    public string? Title { get; set; }

    [PerLocale]
    public string? Summary { get; set; }

    [PerLocale]
    public List<string>? TalkAbout { get; set; }

    [PerLocale]
    public List<string>? SignsToWatch { get; set; }

    [PerLocale]
    public List<string>? WhatToDo { get; set; }

    public List<string>? RelatedGuidance { get; set; }

    public List<string>? RelatedContacts { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591

internal sealed class AgeBandKind : ContractKind<AgeBand, AgeBandDocument>
{
    public AgeBandKind()
        : base("age-band", "age-bands", c => c.AgeBands, (c, items) => c with { AgeBands = items })
    {
        InChangesFeed = true;
        TranslatorNote = "age band: a label and a short description of an age range";
        TitledBy("label", band => band.Label);
    }

    protected override AgeBand Build(AgeBandDocument d, ItemFields f, CommonFields c) =>
        new() { Id = c.Id, Source = c.Source, Review = c.Review, Label = f.Required(d.Label, "label"), Description = d.Description };

    protected override SearchText Search(AgeBand item) => new(item.Label, item.Description);

    protected override void Check(AgeBand band, ICollection<string> reasons)
    {
        if (band.AgeRange is null)
        {
            reasons.Add("ageRange: an age band needs an age range");
        }
    }
}

internal sealed class AdviceKind : ContractKind<AgeBandAdvice, AdviceDocument>
{
    public AdviceKind()
        : base("advice", "advice", c => c.Advice, (c, items) => c with { Advice = items })
    {
        TranslatorNote = "age-band advice: talking points for one age band";
        InChangesFeed = true;
        ForceScoped = true;
        CacheTag = BuiltInKinds.AgeBand.CacheTag; // advice is served under its age band
        TitledBy("title", advice => advice.Title);
    }

    protected override AgeBandAdvice Build(AdviceDocument d, ItemFields f, CommonFields c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Review = c.Review,
        AgeBandId = f.Required(d.AgeBand, "ageBand"),
        Title = f.Required(d.Title, "title"),
        Summary = d.Summary,
        TalkAbout = d.TalkAbout ?? [],
        SignsToWatch = d.SignsToWatch ?? [],
        WhatToDo = d.WhatToDo ?? [],
        RelatedGuidance = d.RelatedGuidance ?? [],
        RelatedContacts = d.RelatedContacts ?? [],
    };

    protected override SearchText Search(AgeBandAdvice item) =>
        new(item.Title, item.Summary, string.Join(' ', item.TalkAbout.Concat(item.SignsToWatch).Concat(item.WhatToDo)));

    protected override string? Path(AgeBandAdvice item) =>
        $"{BuiltInKinds.AgeBand.Collection}/{Uri.EscapeDataString(item.AgeBandId)}/advice/{Uri.EscapeDataString(item.Id)}";

    protected override IEnumerable<ContentReference> References(AgeBandAdvice item) =>
    [
        new("ageBand", BuiltInKinds.AgeBand.Name, [item.AgeBandId]),
        new("relatedGuidance", BuiltInKinds.Guidance.Name, item.RelatedGuidance),
        new("relatedContacts", BuiltInKinds.Contact.Name, item.RelatedContacts),
    ];

    protected override void Check(AgeBandAdvice advice, ICollection<string> reasons)
    {
        if (!ContentValidator.IsValidId(advice.AgeBandId))
        {
            reasons.Add($"ageBand: '{advice.AgeBandId}' is not an age-band id");
        }

        if (advice.WhatToDo.Count == 0)
        {
            reasons.Add("whatToDo: advice must say what to do");
        }
    }
}
