namespace ContentApi.Host.Features.Schemas;

/// <summary>
/// Serves the JSON Schema of every content file kind at <c>/schemas/{file}</c>, generated from the same kind
/// declarations the reader uses (the committed <c>schemas/</c> folder holds the same text), so a content file can
/// carry <c># yaml-language-server: $schema=https://host/schemas/contact.schema.json</c>.
/// </summary>
internal static class SchemaEndpoints
{
    public const string RoutePrefix = "/schemas";

    private const string SchemaContentType = "application/schema+json";

    public static WebApplication MapContentSchemas(this WebApplication app)
    {
        var schemas = ContentSchemas.Generate(app.Services.GetRequiredService<ContentKindRegistry>());
        var group = app.MapGroup(RoutePrefix).ExcludeFromDescription();
        group.MapGet("/", () => TypedResults.Ok(schemas.Keys));
        group.MapGet("/{file}", (string file) => schemas.TryGetValue(file, out var schema)
            ? Results.Text(schema, SchemaContentType)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"There is no schema named '{file}'. The schemas are: {string.Join(", ", schemas.Keys)}."));
        return app;
    }
}
