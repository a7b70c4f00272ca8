using ContentApi.Host.Api;
using ContentApi.Host.Infrastructure;
using ContentApi.Host.OpenApi;
using ContentApi.Host.Plugins;

var builder = WebApplication.CreateBuilder(args);

builder.AddContentPlugins();
builder.AddContentApi();
builder.AddContentOpenApi();
builder.AddProblemHandling();
builder.AddContentHealthChecks();

var app = builder.Build();

app.UseProblemHandling();
app.MapContentApi();
app.MapHealthEndpoints();
app.MapContentOpenApi();

app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
