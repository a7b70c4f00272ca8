using ContentApi.Content;

namespace ContentApi.Cli;

/// <summary>
/// The JSON schemas of the content files, generated from the content model this tool carries (the same ones the host
/// serves at <c>/schemas/</c>). A scaffolded pack gets its own copy, so editors find them offline, next to the files
/// that name them.
/// </summary>
internal static class SchemaFiles
{
    public const string FolderName = "schemas";

    /// <summary>The schema of an items file holding any kind.</summary>
    public const string Items = ContentSchemas.MixedFileName;

    /// <summary>The path from a file <paramref name="depth"/> folders below the pack root to the schema.</summary>
    public static string RelativePath(string schema, int depth) => string.Concat(Enumerable.Repeat("../", depth)) + $"{FolderName}/{schema}";

    public static async Task WriteIntoAsync(string packFolder, CancellationToken cancellationToken)
    {
        var target = Directory.CreateDirectory(Path.Combine(packFolder, FolderName));
        foreach (var (fileName, schema) in ContentSchemas.Generate())
        {
            await File.WriteAllTextAsync(Path.Combine(target.FullName, fileName), schema, cancellationToken).ConfigureAwait(false);
        }
    }
}
