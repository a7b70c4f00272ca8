using ContentApi.Abstractions;

namespace ContentApi.Content;

#pragma warning disable CA1002, CA2227, CS1591 // Mutable lists are what the YAML deserializer fills; the field names are the documentation.
/// <summary>A police force in a content file.</summary>
public sealed class ForceDocument : ItemDocument
{
    [PerLocale]
    public string? Name { get; set; }

    public string? Website { get; set; }

    public string? Telephone { get; set; }

    public bool? IsWelsh { get; set; }

    public List<EngagementDocument>? EngagementMethods { get; set; }
}
#pragma warning restore CA1002, CA2227, CS1591

internal sealed class ForceKind : ContractKind<PoliceForce, ForceDocument>
{
    public ForceKind()
        : base("force", "forces", c => c.Forces, (c, items) => c with { Forces = items })
    {
        TranslatorNote = "police force: its name";
        TitledBy("name", force => force.Name);
    }

    protected override PoliceForce Build(ForceDocument d, ItemFields f, CommonFields c) => new()
    {
        Id = c.Id,
        Source = c.Source,
        Review = c.Review,
        Name = f.Required(d.Name, "name"),
        Website = f.OptionalUri(d.Website, "website"),
        Telephone = d.Telephone,
        IsWelsh = d.IsWelsh ?? false,
        EngagementMethods = (d.EngagementMethods ?? [])
            .Select((e, i) => new EngagementMethod(e.Type ?? "web", e.Title, f.OptionalUri(e.Url, $"engagementMethods[{i}].url")))
            .ToList(),
    };

    protected override void Check(PoliceForce force, ICollection<string> reasons)
    {
        if (force.Website is not null && !ContentRules.IsHttps(force.Website))
        {
            reasons.Add($"website: '{force.Website}' must be an absolute https address");
        }

        if (force.Telephone is not null && !ContentRules.IsPhoneNumber(force.Telephone))
        {
            reasons.Add($"telephone: {ContentRules.NotAPhoneNumber(force.Telephone)}");
        }
    }
}
