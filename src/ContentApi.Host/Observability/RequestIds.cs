using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ContentApi.Host.Observability;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the caller's own, if it sent a sane one (1-64 letters, digits and
/// <c>. _ : -</c>), else the request's W3C trace id. The same id is the <c>traceId</c> of any problem response and the
/// <c>CorrelationId</c> of every log line written while the request runs, so a partner's report leads to the logs.
/// </summary>
internal static partial class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public static WebApplication UseRequestIds(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ContentApi.Requests");
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName];
            var id = incoming.Count == 1 && SaneId().IsMatch(incoming[0] ?? string.Empty)
                ? incoming[0]!
                : Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
            context.TraceIdentifier = id;
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                http.Response.Headers[HeaderName] = http.TraceIdentifier;
                return Task.CompletedTask;
            }, context);

            using (logger.BeginScope(new KeyValuePair<string, object>[] { new("CorrelationId", id) }))
            {
                await next(context);
            }
        });
        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SaneId();
}
