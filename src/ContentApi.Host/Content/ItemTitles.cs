using ContentApi.Abstractions;

namespace ContentApi.Host.Content;

/// <summary>The words that name an item of any kind, for lists that mix kinds.</summary>
internal static class ItemTitles
{
    public static string Of(ContentItem item) => item switch
    {
        GuidanceArticle article => article.Title,
        Contact contact => contact.Name,
        AgeBand band => band.Label,
        AgeBandAdvice advice => advice.Title,
        Topic topic => topic.Name,
        PoliceForce force => force.Name,
        SignpostingRule rule => $"Signposting rule: {rule.ContactId ?? rule.ContactCategory?.ToString()} ({rule.Tier})",
        SignpostingTierHeading heading => heading.Title,
        _ => item.Id,
    };
}
