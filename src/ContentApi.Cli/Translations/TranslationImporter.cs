using ContentApi.Content;

namespace ContentApi.Cli.Translations;

/// <summary>
/// Writes returned translations into the plugins they came from, one item at a time: an item is written only when
/// every one of its strings is translated (half an item would serve half Welsh, half English), and each plugin is read
/// again afterwards exactly as the host reads it, so a translation that breaks a rule is reported at once.
/// </summary>
internal sealed class TranslationImporter(IReadOnlyDictionary<string, TranslationCatalog> catalogs, TranslationStamp stamp, TextWriter output)
{
    public async Task<int> ImportAsync(IReadOnlyList<TranslatedItem> translated, CancellationToken cancellationToken)
    {
        var written = 0;
        var skipped = 0;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var returned in translated)
        {
            var place = $"{returned.Plugin}: {returned.Kind} '{returned.Id}'";
            if (!catalogs.TryGetValue(returned.Plugin, out var catalog) ||
                catalog.Items.FirstOrDefault(i => i.Kind == returned.Kind && i.Id == returned.Id) is not { } item)
            {
                await output.WriteLineAsync($"{place}: warning: no such item in the folders given; not imported").ConfigureAwait(false);
                skipped++;
                continue;
            }

            var missing = item.Units.Where(u => !returned.Targets.ContainsKey(u.Path)).Select(u => u.Path).ToList();
            if (missing.Count > 0)
            {
                await output.WriteLineAsync(
                    $"{place}: warning: {missing.Count} of {item.Units.Count} strings are not translated ({string.Join(", ", missing)}); not imported").ConfigureAwait(false);
                skipped++;
                continue;
            }

            if (returned.Fingerprint != item.Fingerprint)
            {
                await output.WriteLineAsync(
                    $"{place}: warning: the English changed after this file was exported; imported, but stale until it is exported and translated again").ConfigureAwait(false);
            }

            var file = await TranslationWriter.WriteAsync(catalog.PluginDirectory, item, returned.Targets, returned.Fingerprint, stamp, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{place}: written to {file} (needs-review, translated by {stamp.Translator})").ConfigureAwait(false);
            touched.Add(catalog.PluginDirectory);
            written++;
        }

        var errors = 0;
        foreach (var plugin in touched)
        {
            var content = await ContentFolderReader.ReadPluginAsync(plugin, cancellationToken).ConfigureAwait(false);
            foreach (var problem in content.Problems)
            {
                await output.WriteLineAsync($"{Path.Combine(plugin, problem.Location)}: error: {problem.Message}").ConfigureAwait(false);
                errors++;
            }
        }

        await output.WriteLineAsync($"{written} items imported, {skipped} not imported, {errors} problems").ConfigureAwait(false);
        return errors > 0 ? 1 : 0;
    }
}
