using System.Collections.Concurrent;
using System.Reflection;
using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>
/// Lets a translation file give only the words. An item in another locale (for example <c>cy-GB</c>) takes every
/// field that is not prose and that it leaves out (channels, source, review, ages, audiences, topics, links, category,
/// verification) from the <c>en-GB</c> item of the same kind and id in the same plugin, so phone numbers, sources and
/// age ranges are written once and cannot drift apart between languages.
/// </summary>
/// <remarks>
/// Prose is never inherited, so English words are never served as Welsh: a translation gives its own title, summary,
/// body, name, description and so on, and a required one it leaves out is reported as missing. Channels are matched by
/// <c>type</c> and <c>value</c>: a translated channel gives the <c>label</c> and <c>hours.text</c> in its language and keeps everything
/// else from the channel with the same number or address. Whether a translation was checked
/// (<c>translationStatus</c>) is never inherited either: it is a fact about the translation itself. A translation whose
/// <c>translation.source</c> fingerprint no longer matches the English words is marked stale, and is not served.
/// </remarks>
internal static class TranslationInheritance
{
    // Each document type's fields a translation inherits: every public field not marked [PerLocale].
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> InheritedProperties = new();

    public static void Apply(IReadOnlyList<ItemDocument> documents, List<ContentProblem> problems)
    {
        var originals = documents
            .Where(d => d.Id is not null && IsDefaultLocale(d.Locale))
            .GroupBy(d => (Kind(d), d.Id!))
            .ToDictionary(g => g.Key, g => g.First());

        foreach (var translation in documents.Where(d => d.Id is not null && !IsDefaultLocale(d.Locale)))
        {
            if (!originals.TryGetValue((Kind(translation), translation.Id!), out var original))
            {
                continue; // a stand-alone item in another language: it must be complete on its own
            }

            if (translation.GetType() != original.GetType())
            {
                continue;
            }

            // Checked before anything is inherited: the fingerprint is of the English words as they are now.
            if (translation.Translation?.Source is { } source &&
                !string.Equals(source.Trim(), TranslationUnits.Fingerprint(original), StringComparison.Ordinal))
            {
                translation.TranslationStatus = "stale";
            }

            foreach (var property in Inherited(translation.GetType()).Where(p => p.GetValue(translation) is null))
            {
                property.SetValue(translation, property.GetValue(original));
            }

            if (translation is ContactDocument contact && original is ContactDocument originalContact)
            {
                contact.Channels = MergeChannels(contact, originalContact, problems);
            }
        }
    }

    private static List<ChannelDocument>? MergeChannels(ContactDocument translation, ContactDocument original, List<ContentProblem> problems)
    {
        if (translation.Channels is null || original.Channels is null)
        {
            return translation.Channels ?? original.Channels;
        }

        static bool Same(ChannelDocument a, ChannelDocument b) =>
            a.Value == b.Value && string.Equals(a.Type, b.Type, StringComparison.OrdinalIgnoreCase);

        foreach (var unmatched in translation.Channels.Where(t => !original.Channels.Any(o => Same(o, t))))
        {
            problems.Add(new ContentProblem(
                $"{translation.Places.Of("channels")} ({translation.Id})",
                $"channels: {unmatched.Type} '{unmatched.Value}' is not a channel of the {ContentItem.DefaultLocale} item; a translated channel names the type and value it translates"));
        }

        return original.Channels.Select(channel => translation.Channels.FirstOrDefault(t => Same(t, channel)) is { } translated
            ? new ChannelDocument
            {
                Type = channel.Type,
                Value = channel.Value,
                Label = translated.Label ?? channel.Label,
                Anonymous = channel.Anonymous,
                Free = channel.Free,
                Hours = channel.Hours is null ? null : new HoursDocument
                {
                    AlwaysOpen = channel.Hours.AlwaysOpen,
                    Weekly = channel.Hours.Weekly,
                    Text = translated.Hours?.Text ?? channel.Hours.Text,
                },
            }
            : channel).ToList();
    }

    private static PropertyInfo[] Inherited(Type documentType) => InheritedProperties.GetOrAdd(documentType, type => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetCustomAttribute<PerLocaleAttribute>() is null)
        .ToArray());

    private static string Kind(ItemDocument document) => document.Kind?.Trim().ToLowerInvariant() ?? string.Empty;

    public static bool IsDefaultLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) || string.Equals(locale.Trim(), ContentItem.DefaultLocale, StringComparison.OrdinalIgnoreCase);
}
