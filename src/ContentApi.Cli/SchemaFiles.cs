namespace ContentApi.Cli;

/// <summary>
/// The JSON schemas generated from the content model, shipped in the tool's <c>schemas/</c> folder. A scaffolded pack
/// gets its own copy so editors find them offline, next to the files that name them.
/// </summary>
internal static class SchemaFiles
{
    public const string FolderName = "schemas";
    public const string Manifest = "plugin-manifest.schema.json";
    public const string Items = "content-items.schema.json";

    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The path from a file <paramref name="depth"/> folders below the pack root to the schema.</summary>
    public static string RelativePath(string schema, int depth) => string.Concat(Enumerable.Repeat("../", depth)) + $"{FolderName}/{schema}";

    public static async Task CopyIntoAsync(string packFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Shipped))
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(packFolder, FolderName));
        foreach (var schema in Directory.EnumerateFiles(Shipped, "*.json"))
        {
            await using var source = File.OpenRead(schema);
            await using var copy = File.Create(Path.Combine(target.FullName, Path.GetFileName(schema)));
            await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }
    }
}
