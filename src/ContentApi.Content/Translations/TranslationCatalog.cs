using ContentApi.Abstractions;

namespace ContentApi.Content;

/// <summary>Where a translation stands against its original.</summary>
public enum TranslationState
{
    /// <summary>Not translated into the locale.</summary>
    Missing,

    /// <summary>Translated, and the English has changed since: served in English until it is updated.</summary>
    Stale,

    /// <summary>Translated, not yet checked by a fluent speaker.</summary>
    NeedsReview,

    /// <summary>Translated and checked.</summary>
    Reviewed,
}

/// <summary>A channel of a contact, by what a translated channel is matched on.</summary>
/// <param name="Type">phone, sms, web...</param>
/// <param name="Value">The number or address.</param>
public sealed record ChannelKey(string Type, string Value);

/// <summary>An existing translation of an item.</summary>
/// <param name="File">The file it is in, relative to the plugin folder.</param>
/// <param name="Units">Its words, by the original's paths.</param>
/// <param name="Translator">Who translated it, when recorded.</param>
/// <param name="Source">The fingerprint of the English it was made from, when recorded.</param>
public sealed record ExistingTranslation(string File, IReadOnlyList<TranslationUnit> Units, string? Translator, string? Source);

/// <summary>One original item, its words and where its translation into one locale stands.</summary>
/// <param name="Kind">The kind's name.</param>
/// <param name="KindNote">What a translator is told about the kind (<see cref="ContentKind.TranslatorNote"/>).</param>
/// <param name="Id">The item's id.</param>
/// <param name="File">The original's file, relative to the plugin folder.</param>
/// <param name="Units">The English words.</param>
/// <param name="Fingerprint">The fingerprint of the English words (see <see cref="TranslationUnits.Fingerprint"/>).</param>
/// <param name="State">Where the translation stands.</param>
/// <param name="Translation">The translation, when there is one.</param>
/// <param name="Audiences">Who the item is written for, as the file says.</param>
/// <param name="AgeRange">The ages it is for (<c>11-13</c>), when it says.</param>
/// <param name="ReasonAgeBand">For a signposting rule, the reader age band its <c>reason</c> is written for.</param>
/// <param name="Channels">For a contact, its channels in order, so a translated channel names the one it translates.</param>
public sealed record TranslatableItem(
    string Kind, string? KindNote, string Id, string File, IReadOnlyList<TranslationUnit> Units, string Fingerprint, TranslationState State,
    ExistingTranslation? Translation, IReadOnlyList<string> Audiences, string? AgeRange, string? ReasonAgeBand,
    IReadOnlyList<ChannelKey> Channels);

/// <summary>
/// What there is to translate in a plugin, for one locale: every en-GB item with words, and where its translation
/// stands (missing, stale, needs review, reviewed). The translation kit's export, import and report read it.
/// </summary>
/// <param name="PluginDirectory">The plugin folder read.</param>
/// <param name="Locale">The locale.</param>
/// <param name="Items">Every original with words, in file order.</param>
/// <param name="Problems">What could not be read.</param>
public sealed record TranslationCatalog(string PluginDirectory, string Locale, IReadOnlyList<TranslatableItem> Items, IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>Reads a plugin folder's content files.</summary>
    /// <param name="pluginDirectory">The plugin folder (holding <c>content/</c>).</param>
    /// <param name="locale">The locale translated into, for example <c>cy-GB</c>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="kinds">The kinds to read; <see cref="ContentKindRegistry.Default"/> when null.</param>
    /// <returns>The catalog.</returns>
    public static async Task<TranslationCatalog> ReadAsync(
        string pluginDirectory, string locale, CancellationToken cancellationToken, ContentKindRegistry? kinds = null)
    {
        kinds ??= ContentKindRegistry.Default;
        var problems = new List<ContentProblem>();
        var documents = await ContentFolderReader.ReadDocumentsAsync(
            Path.Combine(pluginDirectory, ContentFolderReader.ContentFolderName), pluginDirectory, kinds, problems, cancellationToken)
            .ConfigureAwait(false);
        TranslationInheritance.Apply(documents, problems);

        var translations = documents
            .Where(d => d.Id is not null && string.Equals(d.Locale?.Trim(), locale, StringComparison.OrdinalIgnoreCase))
            .GroupBy(d => (KindOf(d), d.Id!))
            .ToDictionary(g => g.Key, g => g.First());
        var items = documents
            .Where(d => d.Id is not null && TranslationInheritance.IsDefaultLocale(d.Locale))
            .Select(original => Describe(original, translations.GetValueOrDefault((KindOf(original), original.Id!)), kinds.Find(original.Kind)?.TranslatorNote))
            .Where(item => item.Units.Count > 0)
            .ToList();
        return new TranslationCatalog(pluginDirectory, locale, items, problems);
    }

    private static TranslatableItem Describe(ItemDocument original, ItemDocument? translation, string? kindNote)
    {
        var state = translation is null ? TranslationState.Missing
            : translation.TranslationStatus?.Trim() switch
            {
                "stale" => TranslationState.Stale,
                "needs-review" => TranslationState.NeedsReview,
                _ => TranslationState.Reviewed,
            };
        var existing = translation is null
            ? null
            : new ExistingTranslation(translation.Places.Item.File, TranslationUnits.Of(translation), translation.Translation?.Translator, translation.Translation?.Source);
        var range = original.AgeRange is { Min: { } min, Max: { } max } ? $"{min}-{max}" : null;
        var channels = original is ContactDocument { Channels: { } list }
            ? list.Select(c => new ChannelKey(c.Type ?? string.Empty, c.Value ?? string.Empty)).ToList()
            : [];
        return new TranslatableItem(
            KindOf(original), kindNote, original.Id!, original.Places.Item.File, TranslationUnits.Of(original), TranslationUnits.Fingerprint(original),
            state, existing, original.Audiences ?? [], range, (original as SignpostingRuleDocument)?.ReasonAgeBand, channels);
    }

    private static string KindOf(ItemDocument document) => document.Kind?.Trim().ToLowerInvariant() ?? string.Empty;
}
