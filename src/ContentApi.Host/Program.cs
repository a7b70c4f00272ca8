using ContentApi.Host.Features;
using ContentApi.Host.Features.Admin;
using ContentApi.Host.Features.Schemas;
using ContentApi.Host.Features.Webhooks;
using ContentApi.Host.Features.Widget;
using ContentApi.Host.OpenApi;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddContentPlugins();
builder.AddContentApi();
builder.AddContentApiVersioning();
builder.AddContentOpenApi();
builder.AddEdge();
builder.AddContentTelemetry();
builder.AddContentHealthChecks();
builder.AddGracefulShutdown();
builder.AddContentCaching();
builder.AddWebhooks();

var app = builder.Build();

app.UseEdgePipeline();
app.MapContentApi();
app.MapMigrationGuide();
app.MapAdminApi().MapPluginAdmin().MapCachePurge().MapWebhooksAdmin();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapContentOpenApi();
app.MapContentSchemas();
app.MapWidget();

app.Run();
return 0;

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
