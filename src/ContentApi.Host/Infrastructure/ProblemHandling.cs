using System.Text.RegularExpressions;
using ContentApi.Host.Versioning;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentApi.Host.Infrastructure;

/// <summary>
/// Every error leaves the API as RFC 9457 problem+json: bad input (binding failures), unknown routes, unsupported API
/// versions and unexpected faults alike, with a trace id and never exception details outside Development.
/// </summary>
internal static partial class ProblemHandling
{
    public static WebApplicationBuilder AddProblemHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.HttpContext.Response.Headers.CacheControl = "no-store"; // errors are never cached, by anyone
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
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = badRequest.StatusCode,
                    Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "The request is not valid.",
                    Detail = DescribeBindingFailure(badRequest.Message),
                },
            });
        }

        // "Failed to bind parameter "int? Age" from "abc"." names the parameter; keep that, in plainer words.
        private static string DescribeBindingFailure(string message)
        {
            var match = BindingFailure().Match(message);
            return match.Success
                ? $"Query parameter '{char.ToLowerInvariant(match.Groups["name"].Value[0])}{match.Groups["name"].Value[1..]}' must be a {Describe(match.Groups["type"].Value)}; got '{Shorten(match.Groups["value"].Value)}'."
                : message;
        }

        private static string Describe(string type) =>
            type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase) ? "whole number"
            : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false"
            : "value of the right type";
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>[^"]+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindingFailure();
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
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
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
