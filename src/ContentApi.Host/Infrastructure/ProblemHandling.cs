using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// Every error leaves the API as RFC 9457 problem+json: bad input (binding failures), unknown routes, unsupported API
/// versions and unexpected faults alike, with a trace id and never exception details outside Development.
/// </summary>
internal static class ProblemHandling
{
    public static WebApplicationBuilder AddProblemHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.HttpContext.Response.Headers.CacheControl = "no-store"; // errors are never cached, by anyone
            // The framework's validation leaves the detail out; every 400 here says in it what is wrong.
            if (context.ProblemDetails is HttpValidationProblemDetails { Detail: null, Errors.Count: > 0 } validation)
            {
                validation.Detail = Describe(validation.Errors);
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // A client's malformed input is not the server's error: answered with a 400 problem, not logged as a fault.
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException);

        // After the framework's writer, which declines when Accept names neither JSON type (a browser's text/html).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, FallbackProblemWriter>());

        // Binding failures (age=abc) throw, so the handler above can say which parameter was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>One sentence naming each bad parameter and what is wrong with it, for a problem's detail.</summary>
    public static string Describe(IDictionary<string, string[]> errors) =>
        string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    /// <summary>Gives a bodiless error status (an unmatched route, an unsupported version) a problem body.</summary>
    public static async Task WriteStatusCodeProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } };

        if (http.Response.StatusCode == StatusCodes.Status404NotFound && UnsupportedVersion(http.Request.Path) is { } requested)
        {
            var supported = string.Join(", ", ApiVersions.Supported.Select(v => ApiVersions.DocumentName(v)));
            problem.ProblemDetails.Title = "Unsupported API version";
            problem.ProblemDetails.Detail = $"API version '{requested}' is not supported. Supported versions: {supported}.";
            problem.ProblemDetails.Extensions["supportedVersions"] = ApiVersions.Supported.Select(v => ApiVersions.DocumentName(v)).ToArray();
            http.Response.Headers["api-supported-versions"] = string.Join(", ", ApiVersions.Supported.Select(v => v.ToString()));
        }
        else if (http.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            problem.ProblemDetails.Detail = $"Nothing is served at '{Shorten(http.Request.Path)}'. See /swagger for the API's routes.";
        }

        await problems.WriteAsync(problem);
    }

    private static string? UnsupportedVersion(PathString path) =>
        ApiVersionPathReader.Segment(path) is { } requested && !ApiVersionPathReader.IsSupported(requested) ? Shorten(requested) : null;

    private static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>Turns a request that could not be bound (a malformed number, a body too large) into a 4xx problem.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest)
            {
                return false;
            }

            httpContext.Response.StatusCode = badRequest.StatusCode;
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var unbound = badRequest.StatusCode == StatusCodes.Status400BadRequest ? BindingFailures.In(endpoint, httpContext.Request.Query) : [];
            var problem = unbound.Count > 0
                ? new HttpValidationProblemDetails(unbound) { Detail = string.Join(" ", unbound.Select(e => $"Query parameter '{e.Key}' {e.Value[0]}")) }
                : new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = badRequest.Message };
            problem.Status = badRequest.StatusCode;
            problem.Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "The request is not valid.";
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
        }
    }
}

/// <summary>
/// Writes the problem as application/problem+json whatever the request's Accept header says: an error must always
/// explain itself, and a client that cannot use JSON can still show the text.
/// </summary>
internal sealed class FallbackProblemWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        // By its own type, so a validation problem keeps its errors.
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}

/// <summary>Writes a problem+json response from middleware that answers before any endpoint runs.</summary>
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
