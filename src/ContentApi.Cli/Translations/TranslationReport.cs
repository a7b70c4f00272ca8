using System.Globalization;
using ContentApi.Content;

namespace ContentApi.Cli.Translations;

/// <summary>The <c>translations report</c> table: per kind, how many originals are translated, checked and stale.</summary>
internal static class TranslationReport
{
    public static async Task WriteAsync(string locale, IReadOnlyList<TranslationCatalog> catalogs, TextWriter output)
    {
        var items = catalogs.SelectMany(c => c.Items.Select(i => (Plugin: Path.GetFileName(c.PluginDirectory), Item: i))).ToList();
        await output.WriteLineAsync($"Translations into {locale}").ConfigureAwait(false);
        await output.WriteLineAsync($"{"kind",-18}{"originals",10}{"reviewed",10}{"needs-review",14}{"stale",7}{"missing",9}{"served",8}").ConfigureAwait(false);
        foreach (var kind in items.GroupBy(i => i.Item.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(Row(kind.Key, kind.Select(k => k.Item).ToList())).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Row("all", items.Select(i => i.Item).ToList())).ConfigureAwait(false);
        foreach (var (plugin, item) in items.Where(i => i.Item.State == TranslationState.Stale))
        {
            await output.WriteLineAsync(
                $"stale: {plugin}: {item.Kind} '{item.Id}' ({item.Translation?.File}): the English changed since it was translated; served in English until updated")
                .ConfigureAwait(false);
        }
    }

    private static string Row(string name, IReadOnlyList<TranslatableItem> items)
    {
        int Count(TranslationState state) => items.Count(i => i.State == state);
        var served = Count(TranslationState.Reviewed) + Count(TranslationState.NeedsReview);
        var percent = items.Count == 0 ? 0 : served * 100 / items.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-18}{items.Count,10}{Count(TranslationState.Reviewed),10}{Count(TranslationState.NeedsReview),14}{Count(TranslationState.Stale),7}{Count(TranslationState.Missing),9}{percent,7}%");
    }
}
