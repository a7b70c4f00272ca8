using ContentApi.Host.Api;
using ContentApi.Host.Infrastructure;
using ContentApi.Host.OpenApi;
using ContentApi.Host.Plugins;
using ContentApi.Host.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddContentPlugins();
builder.AddContentApi();
builder.AddContentOpenApi();
builder.AddProblemHandling();
builder.AddApiKeySecurity();
builder.AddContentHealthChecks();

var app = builder.Build();

app.UseProblemHandling();
app.UseApiKeySecurity();
app.MapContentApi();
app.MapAdminApi();
app.MapHealthEndpoints();
app.MapContentOpenApi();

app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
