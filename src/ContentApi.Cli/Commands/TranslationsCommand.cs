using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using ContentApi.Cli.Translations;
using ContentApi.Content;

namespace ContentApi.Cli.Commands;

/// <summary>
/// <c>contentapi translations export|import|report</c>: the translation kit. Export gives a translator an XLIFF 2.0
/// file of every string that is not translated yet or whose English changed since; import writes what comes back into
/// the content files, marked needs-review with the translator named; report shows coverage and what is stale.
/// </summary>
internal static class TranslationsCommand
{
    public static Command Create()
    {
        var locale = new Option<string>("--locale", "-l") { Description = "The language to translate into, for example cy-GB.", Required = true };
        var paths = new Argument<DirectoryInfo[]>("paths")
        {
            Description = "Plugin or content pack folders, or folders holding them (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        return new Command("translations", "Export strings to translate as XLIFF 2.0, import translations, report coverage.")
        {
            Export(locale, paths),
            Import(paths),
            Report(locale, paths),
            Stamp(locale, paths),
        };
    }

    private static Command Export(Option<string> locale, Argument<DirectoryInfo[]> paths)
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The XLIFF file to write (default: translations.<locale>.xlf)." };
        var command = new Command("export", "Write every untranslated or stale string as XLIFF 2.0, with notes on who reads it.") { locale, output, paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(locale)!;
            var catalogs = await CatalogsAsync(parse.GetValue(paths), target, cancellationToken).ConfigureAwait(false);
            var wanted = catalogs
                .SelectMany(c => c.Items.Where(i => i.State is TranslationState.Missing or TranslationState.Stale).Select(i => (Plugin: Path.GetFileName(c.PluginDirectory), Item: i)))
                .ToList();
            var file = parse.GetValue(output) ?? new FileInfo($"translations.{target}.xlf");
            await Xliff.SaveAsync(Xliff.Write(target, wanted), file.FullName, cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file.FullName}: {wanted.Sum(w => w.Item.Units.Count)} strings in {wanted.Count} items " +
                $"({wanted.Count(w => w.Item.State == TranslationState.Missing)} untranslated, {wanted.Count(w => w.Item.State == TranslationState.Stale)} stale) " +
                $"from {catalogs.Count} plugins")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Import(Argument<DirectoryInfo[]> paths)
    {
        var file = new Argument<FileInfo>("file") { Description = "The XLIFF 2.0 file the translator returned." };
        var translator = new Option<string>("--translator") { Description = "Who translated it; recorded on every item imported.", Required = true };
        var command = new Command("import", "Write translations from XLIFF 2.0 into the content files, marked needs-review.") { file, translator, paths };
        command.SetAction((parse, cancellationToken) => ImportAsync(
            parse.GetValue(file)!, parse.GetValue(translator)!, parse.GetValue(paths), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> ImportAsync(FileInfo file, string translator, DirectoryInfo[]? paths, TextWriter output, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            await using var stream = file.OpenRead();
            document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException)
        {
            await output.WriteLineAsync($"{file.FullName}:1:1: error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var locale = (string?)document.Root?.Attribute("trgLang") ?? string.Empty;
        IReadOnlyList<TranslatedItem> translated;
        try
        {
            translated = Xliff.Read(document, locale);
        }
        catch (FormatException e)
        {
            await output.WriteLineAsync($"{file.FullName}:1:1: error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var catalogs = (await CatalogsAsync(paths, locale, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => Path.GetFileName(c.PluginDirectory), StringComparer.Ordinal);
        var importer = new TranslationImporter(catalogs, new TranslationStamp(locale, translator, DateOnly.FromDateTime(DateTime.UtcNow)), output);
        return await importer.ImportAsync(translated, cancellationToken).ConfigureAwait(false);
    }

    private static Command Report(Option<string> locale, Argument<DirectoryInfo[]> paths)
    {
        var command = new Command("report", "How much of each kind is translated, checked and stale.") { locale, paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalogs = await CatalogsAsync(parse.GetValue(paths), parse.GetValue(locale)!, cancellationToken).ConfigureAwait(false);
            await TranslationReport.WriteAsync(parse.GetValue(locale)!, catalogs, parse.InvocationConfiguration.Output).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Stamp(Option<string> locale, Argument<DirectoryInfo[]> paths)
    {
        var translator = new Option<string>("--translator") { Description = "Who made the existing translations.", Required = true };
        var command = new Command(
            "stamp",
            "Record the English fingerprint on translations made before the kit, so an edit to the English marks them stale.") { locale, translator, paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(locale)!;
            var stamped = 0;
            foreach (var catalog in await CatalogsAsync(parse.GetValue(paths), target, cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in catalog.Items.Where(i => i.Translation is { Source: null } && i.State != TranslationState.Stale))
                {
                    await TranslationWriter.StampAsync(catalog.PluginDirectory, item, target, parse.GetValue(translator)!, cancellationToken).ConfigureAwait(false);
                    stamped++;
                }
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{stamped} translations stamped").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    // A folder with content/ is a plugin; any other folder is searched one level down for plugins.
    private static async Task<IReadOnlyList<TranslationCatalog>> CatalogsAsync(DirectoryInfo[]? paths, string locale, CancellationToken cancellationToken)
    {
        var folders = (paths is { Length: > 0 } ? paths : [new DirectoryInfo(Environment.CurrentDirectory)])
            .SelectMany(p => IsPlugin(p.FullName) ? [p.FullName] : Directory.GetDirectories(p.FullName).Where(IsPlugin).Order(StringComparer.Ordinal).ToArray())
            .ToList();
        var catalogs = new List<TranslationCatalog>();
        foreach (var folder in folders)
        {
            catalogs.Add(await TranslationCatalog.ReadAsync(folder, locale, cancellationToken).ConfigureAwait(false));
        }

        return catalogs;
    }

    private static bool IsPlugin(string folder) => Directory.Exists(Path.Combine(folder, ContentFolderReader.ContentFolderName));
}
