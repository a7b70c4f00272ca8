using System.Net.Mail;
using System.Text.RegularExpressions;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// The rules every item from every plugin must pass before the host serves it. The same rules run in the host and in
/// plugin authors' own tests, so a plugin that passes its tests passes the host.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>The youngest age an age range may start at.</summary>
    public const int MinimumAge = 0;

    /// <summary>The oldest age an age range may end at: <see cref="AgeRange.Adult"/> (written <c>adult</c>), every age over 25.</summary>
    public const int MaximumAge = AgeRange.Adult;

    /// <summary>Ids (items, topics, age bands, forces, plugins): lower-case kebab-case, at most <see cref="MaxIdLength"/> characters.</summary>
    public const string IdPatternText = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Locales: a BCP 47 language tag such as en-GB or cy-GB, at most <see cref="MaxLocaleLength"/> characters.</summary>
    public const string LocalePatternText = "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$";

    /// <summary>The longest locale tag.</summary>
    public const int MaxLocaleLength = 35;

    /// <summary>Checks every item; invalid items are left out of the result and reported.</summary>
    /// <param name="content">What a plugin supplied.</param>
    /// <returns>The content with only valid items, and its problems (the plugin's own problems included).</returns>
    public static PluginContent Validate(PluginContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<ContentProblem>(content.Problems);
        return new PluginContent
        {
            Topics = Keep(content.Topics, "topic", problems, CheckTopic),
            Guidance = Keep(content.Guidance, "guidance", problems, CheckGuidance),
            Contacts = Keep(content.Contacts, "contact", problems, CheckContact),
            AgeBands = Keep(content.AgeBands, "age-band", problems, CheckAgeBand),
            Advice = Keep(content.Advice, "advice", problems, CheckAdvice),
            Forces = Keep(content.Forces, "force", problems, CheckForce),
            SignpostingRules = Keep(content.SignpostingRules, "signposting-rule", problems, CheckSignpostingRule),
            SignpostingTiers = Keep(content.SignpostingTiers, "signposting-tier", problems, CheckSignpostingTier),
            Problems = problems,
        };
    }

    /// <summary>
    /// A force's plugin speaks for that force: its items that name no force are given the plugin's force, so they
    /// are served only to requests for that force.
    /// </summary>
    /// <param name="content">Validated content.</param>
    /// <param name="forceId">The manifest's force id, or null for a national plugin.</param>
    /// <returns>The content with every guidance, contact and advice item scoped to the force.</returns>
    public static PluginContent AssignForce(PluginContent content, string? forceId)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (forceId is null)
        {
            return content;
        }

        return content with
        {
            Guidance = content.Guidance.Select(i => i with { ForceId = i.ForceId ?? forceId }).ToList(),
            Contacts = content.Contacts.Select(i => i with { ForceId = i.ForceId ?? forceId }).ToList(),
            Advice = content.Advice.Select(i => i with { ForceId = i.ForceId ?? forceId }).ToList(),
        };
    }

    /// <summary>
    /// Checks that what <paramref name="content"/> points at exists: advice age bands, related contacts and guidance,
    /// topics and override targets. Other plugins may supply the targets, so these are warnings about the whole set
    /// of loaded content (<paramref name="available"/>), not reasons to reject an item.
    /// </summary>
    /// <param name="content">One plugin's validated content.</param>
    /// <param name="available">Every id that is being served, from every plugin.</param>
    /// <returns>One problem per dangling reference.</returns>
    public static IReadOnlyList<ContentProblem> CheckReferences(PluginContent content, ContentIndex available)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(available);
        var problems = new List<ContentProblem>();
        void Check(ContentItem item, string kind, string field, IEnumerable<string> ids, IReadOnlySet<string> targets, string targetKind)
        {
            foreach (var id in ids.Where(id => !targets.Contains(id)))
            {
                problems.Add(new ContentProblem($"{item.Origin ?? kind} ({kind} '{item.Id}')", $"{field}: no {targetKind} '{id}' is loaded"));
            }
        }

        void CheckCommon<T>(IReadOnlyList<T> items, string kind, IReadOnlySet<string> nationalIds)
            where T : ContentItem
        {
            foreach (var item in items)
            {
                Check(item, kind, "topics", item.Topics, available.Topics, "topic");
                if (item.Overrides is { } target && !nationalIds.Contains(target))
                {
                    problems.Add(new ContentProblem($"{item.Origin ?? kind} ({kind} '{item.Id}')", $"overrides: no national {kind} '{target}' is loaded to override"));
                }
            }
        }

        CheckCommon(content.Guidance, "guidance", available.NationalGuidance);
        CheckCommon(content.Contacts, "contact", available.NationalContacts);
        CheckCommon(content.Advice, "advice", available.NationalAdvice);
        foreach (var article in content.Guidance)
        {
            Check(article, "guidance", "relatedContacts", article.RelatedContacts, available.Contacts, "contact");
        }

        foreach (var advice in content.Advice)
        {
            Check(advice, "advice", "ageBand", [advice.AgeBandId], available.AgeBands, "age band");
            Check(advice, "advice", "relatedGuidance", advice.RelatedGuidance, available.Guidance, "guidance");
            Check(advice, "advice", "relatedContacts", advice.RelatedContacts, available.Contacts, "contact");
        }

        // A rule whose contact is missing offers nothing; the rest of the answer still stands.
        foreach (var rule in content.SignpostingRules.Where(r => r.ContactId is not null))
        {
            Check(rule, "signposting-rule", "contact", [rule.ContactId!], available.Contacts, "contact");
        }

        return problems;
    }

    /// <summary>True when <paramref name="id"/> is lower-case kebab-case.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>True when <paramref name="locale"/> is a well-formed BCP 47 language tag such as <c>en-GB</c>.</summary>
    /// <param name="locale">The tag to check.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValidLocale(string? locale) => locale is { Length: > 0 and <= MaxLocaleLength } && LocalePattern().IsMatch(locale);

    private static List<T> Keep<T>(IReadOnlyList<T> items, string kind, List<ContentProblem> problems, Action<T, List<string>> check)
        where T : ContentItem
    {
        var kept = new List<T>(items.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            var reasons = new List<string>();
            CheckCommon(item, reasons);
            check(item, reasons);
            if (item.Id is not null && !seen.Add((item.Id, item.Locale)))
            {
                reasons.Add($"id: '{item.Id}' is used by another {kind} in locale {item.Locale}");
            }

            if (reasons.Count == 0)
            {
                kept.Add(item);
                continue;
            }

            var location = $"{item.Origin ?? kind} ({kind} '{item.Id}')";
            problems.AddRange(reasons.Select(reason => new ContentProblem(location, reason)));
        }

        return kept;
    }

    private static void CheckCommon(ContentItem item, List<string> reasons)
    {
        if (!IsValidId(item.Id))
        {
            reasons.Add($"id: '{item.Id}' must be lower-case kebab-case (a-z, 0-9, -)");
        }

        if (!IsValidLocale(item.Locale))
        {
            reasons.Add($"locale: '{item.Locale}' is not a BCP 47 language tag such as en-GB or cy-GB");
        }

        if (item.AgeRange is { } range && (range.Min < MinimumAge || range.Max > MaximumAge || range.Min > range.Max))
        {
            reasons.Add($"ageRange: {range.Min}-{range.Max} must lie within {MinimumAge}-{AgeRange.MaximumAge} (or max: adult, every age over {AgeRange.MaximumAge}) with min <= max");
        }

        if (item.Source is null || string.IsNullOrWhiteSpace(item.Source.Publisher))
        {
            reasons.Add("source.publisher: is required");
        }
        else if (!IsHttps(item.Source.Url))
        {
            reasons.Add($"source.url: '{item.Source.Url}' must be an absolute https address");
        }

        if (item.Review is null)
        {
            reasons.Add("review: is required");
        }
        else if (item.Review.LastReviewed == default || item.Review.NextReviewDue == default)
        {
            reasons.Add("review: lastReviewed and nextReviewDue are required");
        }
        else if (item.Review.NextReviewDue < item.Review.LastReviewed)
        {
            reasons.Add("review.nextReviewDue: must not be before review.lastReviewed");
        }

        foreach (var topic in item.Topics.Where(t => !IsValidId(t)))
        {
            reasons.Add($"topics: '{topic}' is not a topic id");
        }

        if (item.ForceId is not null && !IsValidId(item.ForceId))
        {
            reasons.Add($"forceId: '{item.ForceId}' is not a data.police.uk force id");
        }

        if (item.Overrides is not null && item.ForceId is null)
        {
            reasons.Add("overrides: only a force's item (with forceId) may override a national item");
        }

        CheckPublication(item, reasons);
    }

    private static void CheckPublication(ContentItem item, List<string> reasons)
    {
        switch (item.Status, item.Withdrawal)
        {
            case (ContentStatus.Withdrawn, null):
                reasons.Add("withdrawal: a withdrawn item needs { on, reason } so partners can be told why");
                break;
            case (ContentStatus.Published, not null):
                reasons.Add("withdrawal: only an item with status: withdrawn has a withdrawal notice");
                break;
            case (_, { Reason: var reason }) when string.IsNullOrWhiteSpace(reason):
                reasons.Add("withdrawal.reason: is required");
                break;
            case (_, { ReplacedBy: { } replacement }) when !IsValidId(replacement):
                reasons.Add($"withdrawal.replacedBy: '{replacement}' is not an id");
                break;
        }

        if (item.Licence is null || string.IsNullOrWhiteSpace(item.Licence.Name) || !IsHttps(item.Licence.Url))
        {
            reasons.Add("licence: needs a name and an absolute https url");
        }

        if (item.Updated is { } updated && item.FirstPublished is { } published && DateOnly.FromDateTime(updated.UtcDateTime) < published)
        {
            reasons.Add("updated: must not be before firstPublished");
        }
    }

    private static void CheckTopic(Topic topic, List<string> reasons) => RequireText(topic.Name, "name", reasons);

    private static void CheckGuidance(GuidanceArticle article, List<string> reasons)
    {
        RequireText(article.Title, "title", reasons);
        RequireText(article.Summary, "summary", reasons);
        RequireText(article.BodyMarkdown, "body", reasons);
        if (article.Audiences.Count == 0)
        {
            reasons.Add("audiences: at least one audience is required");
        }

        reasons.AddRange(MarkdownRules.Problems(article.BodyMarkdown).Select(problem => $"body: {problem}"));
    }

    private static void CheckSignpostingRule(SignpostingRule rule, List<string> reasons)
    {
        RequireText(rule.Reason, "reason", reasons);
        var bands = rule.AgeBandReasons.Select(r => r.AgeBand).Prepend(rule.ReasonAgeBand).ToList();
        foreach (var band in bands.Where(b => ReasonAgeBand.Find(b) is null).Distinct())
        {
            reasons.Add($"reasons: '{band}' is not a reader age band; use one of {string.Join(", ", ReasonAgeBand.All.Select(b => b.Id))}");
        }

        foreach (var band in bands.GroupBy(b => b, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            reasons.Add($"reasons: the reason for '{band.Key}' is written twice");
        }

        foreach (var banded in rule.AgeBandReasons.Where(r => string.IsNullOrWhiteSpace(r.Text)))
        {
            reasons.Add($"reasons.{banded.AgeBand}: is empty");
        }

        if ((rule.ContactId is null) == (rule.ContactCategory is null))
        {
            reasons.Add("contact: give either contact (one contact id) or contactCategory (every contact of that category from the requested force)");
        }
        else if (rule.ContactId is { } id && !IsValidId(id))
        {
            reasons.Add($"contact: '{id}' is not a contact id");
        }

        if (rule.UsedBy == SignpostingUser.Child &&
            (rule.Askers.Count == 0 || rule.Askers.Any(a => a is SignpostingAsker.YoungPerson or SignpostingAsker.Adult)))
        {
            reasons.Add("askers: a rule used by the child is for adults asking about a child: list only parent-carer and professional");
        }
    }

    private static void CheckSignpostingTier(SignpostingTierHeading heading, List<string> reasons) => RequireText(heading.Title, "title", reasons);

    private static void CheckAgeBand(AgeBand band, List<string> reasons)
    {
        RequireText(band.Label, "label", reasons);
        if (band.AgeRange is null)
        {
            reasons.Add("ageRange: an age band needs an age range");
        }
    }

    private static void CheckAdvice(AgeBandAdvice advice, List<string> reasons)
    {
        RequireText(advice.Title, "title", reasons);
        if (!IsValidId(advice.AgeBandId))
        {
            reasons.Add($"ageBand: '{advice.AgeBandId}' is not an age-band id");
        }

        if (advice.WhatToDo.Count == 0)
        {
            reasons.Add("whatToDo: advice must say what to do");
        }
    }

    private static void CheckContact(Contact contact, List<string> reasons)
    {
        RequireText(contact.Name, "name", reasons);
        RequireText(contact.Description, "description", reasons);
        RequireText(contact.WhoFor, "whoFor", reasons);
        if (contact.Channels.Count == 0)
        {
            reasons.Add("channels: a contact needs at least one channel");
        }

        for (var i = 0; i < contact.Channels.Count; i++)
        {
            if (ChannelProblem(contact.Channels[i]) is { } problem)
            {
                reasons.Add($"channels[{i}].value: {problem}");
            }
        }

        if (contact.Verification is null)
        {
            reasons.Add("verification: is required for contacts");
        }
        else if (contact.Verification.LastVerified == default)
        {
            reasons.Add("verification.lastVerified: is required");
        }
        else if (contact.Verification.Status == VerificationStatus.Unverified && string.IsNullOrWhiteSpace(contact.Verification.Note))
        {
            reasons.Add("verification.note: say what is unverified");
        }
    }

    private static void CheckForce(PoliceForce force, List<string> reasons)
    {
        RequireText(force.Name, "name", reasons);
        if (force.Website is not null && !IsHttps(force.Website))
        {
            reasons.Add($"website: '{force.Website}' must be an absolute https address");
        }

        if (force.Telephone is not null && !PhonePattern().IsMatch(force.Telephone))
        {
            reasons.Add($"telephone: {NotAPhoneNumber(force.Telephone)}");
        }
    }

    private static string? ChannelProblem(ContactChannel channel) => channel.Type switch
    {
        ChannelType.Phone or ChannelType.Textphone or ChannelType.Sms when !PhonePattern().IsMatch(channel.Value) =>
            NotAPhoneNumber(channel.Value),
        ChannelType.Email when !MailAddress.TryCreate(channel.Value, out _) => $"'{channel.Value}' is not an email address",
        ChannelType.Web or ChannelType.Chat or ChannelType.App
            when !(Uri.TryCreate(channel.Value, UriKind.Absolute, out var uri) && IsHttps(uri)) =>
            $"'{channel.Value}' must be an absolute https address",
        _ => null,
    };

    private static string NotAPhoneNumber(string value) =>
        $"'{value}' is not a phone number (digits and spaces, optionally a leading +, 3 to 15 digits)";

    private static bool IsHttps(Uri? uri) => uri is { IsAbsoluteUri: true } && uri.Scheme == Uri.UriSchemeHttps;

    private static void RequireText(string? value, string field, List<string> reasons)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            reasons.Add($"{field}: is required");
        }
    }

    [GeneratedRegex(IdPatternText)]
    private static partial Regex IdPattern();

    [GeneratedRegex(LocalePatternText)]
    private static partial Regex LocalePattern();

    [GeneratedRegex(@"^(?=(?:\D*\d){3,15}\D*$)\+?[0-9 ]+$")]
    private static partial Regex PhonePattern();
}
