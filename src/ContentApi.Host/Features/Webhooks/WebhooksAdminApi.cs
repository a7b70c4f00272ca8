using System.Text.RegularExpressions;
using ContentApi.Host.Features.Admin;

namespace ContentApi.Host.Features.Webhooks;

/// <summary>
/// <c>/admin/webhooks</c>: register, list, read and delete subscriptions; list a subscription's deliveries and redeliver
/// one. On the admin group (admin key, no-store, not in the public OpenAPI documents). Bad input is a 400 naming each
/// problem, an unknown id a 404, and Redis not answering a 503, all RFC 9457 problems.
/// </summary>
internal static partial class WebhooksAdminApi
{
    private const int MaxDeliveriesListed = 100;

    public static RouteGroupBuilder MapWebhooksAdmin(this RouteGroupBuilder admin)
    {
        var webhooks = admin.MapGroup("/webhooks").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (RedisPolling.IsRedisFailure(ex) && !context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Webhook subscriptions are unavailable",
                    detail: "Redis, where subscriptions and deliveries are kept, did not answer. Try again shortly.");
            }
        });
        webhooks.MapPost("/", CreateAsync);
        webhooks.MapGet("/", ListAsync);
        webhooks.MapGet("/{id}", GetAsync);
        webhooks.MapDelete("/{id}", DeleteAsync);
        webhooks.MapGet("/{id}/deliveries", DeliveriesAsync);
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync);
        return admin;
    }

    private static async Task<Results<Created<CreatedWebhookSubscription>, ValidationProblem>> CreateAsync(
        WebhookSubscriptionRequest? request,
        IWebhookOutbox outbox,
        WebhookDispatcher dispatcher,
        ContentKindRegistry kinds,
        IOptions<WebhookOptions> options,
        IHostEnvironment environment,
        TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (WebhookDestinations.Refusal(request?.Url, options.Value, environment.IsDevelopment()) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        var events = request?.Events?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var unknownEvents = events.Where(e => !WebhookEventTypes.All.Contains(e, StringComparer.Ordinal)).ToList();
        if (events.Count == 0 || unknownEvents.Count > 0)
        {
            errors["events"] = [$"events must name one or more of {string.Join(", ", WebhookEventTypes.All)}{Unknown(unknownEvents)}."];
        }

        if (request?.Force is { } force && !ForcePattern().IsMatch(force))
        {
            errors["force"] = ["force must be a force id: lowercase letters, digits and hyphens, at most 100."];
        }

        var feedKinds = kinds.All.Where(k => k.InChangesFeed).Select(k => k.Name).ToList();
        var wantedKinds = request?.Kinds?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknownKinds = wantedKinds?.Where(k => !feedKinds.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList() ?? [];
        if (wantedKinds is { Count: 0 } || unknownKinds.Count > 0)
        {
            errors["kinds"] = [$"kinds, when given, must name one or more of {string.Join(", ", feedKinds)}{Unknown(unknownKinds)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The webhook subscription is not valid.");
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = new StoredSubscription(
            "wh_" + Guid.NewGuid().ToString("N"), request!.Url!, events, request.Force, wantedKinds, time.GetUtcNow(), dispatcher.Protect(secret));
        await outbox.SaveSubscriptionAsync(subscription);
        var s = subscription.ToResource();
        return TypedResults.Created(
            $"{AdminApi.RoutePrefix}/webhooks/{s.Id}", new CreatedWebhookSubscription(s.Id, s.Url, s.Events, s.Force, s.Kinds, s.CreatedAt, secret));
    }

    private static async Task<Ok<IReadOnlyList<WebhookSubscriptionResource>>> ListAsync(IWebhookOutbox outbox) =>
        TypedResults.Ok<IReadOnlyList<WebhookSubscriptionResource>>([.. (await outbox.SubscriptionsAsync()).Select(s => s.ToResource())]);

    private static async Task<Results<Ok<WebhookSubscriptionResource>, ProblemHttpResult>> GetAsync(string id, IWebhookOutbox outbox) =>
        await outbox.SubscriptionAsync(id) is { } subscription ? TypedResults.Ok(subscription.ToResource()) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IWebhookOutbox outbox) =>
        await outbox.DeleteSubscriptionAsync(id) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<WebhookDelivery>>, ProblemHttpResult>> DeliveriesAsync(string id, IWebhookOutbox outbox) =>
        await outbox.SubscriptionAsync(id) is null
            ? NotFound(id)
            : TypedResults.Ok(await outbox.DeliveriesAsync(id, MaxDeliveriesListed));

    private static async Task<Results<Accepted<WebhookDelivery>, ProblemHttpResult>> RedeliverAsync(
        string id, string deliveryId, IWebhookOutbox outbox, WebhookDispatcher dispatcher)
    {
        if (await outbox.SubscriptionAsync(id) is null)
        {
            return NotFound(id);
        }

        return await outbox.DeliveryAsync(id, deliveryId) is { } delivery
            ? TypedResults.Accepted($"{AdminApi.RoutePrefix}/webhooks/{id}/deliveries", await dispatcher.RedeliverAsync(delivery))
            : ApiResults.NotFound("Delivery", deliveryId);
    }

    private static ProblemHttpResult NotFound(string id) => ApiResults.NotFound("Webhook subscription", id);

    private static string Unknown(List<string> unknown) =>
        unknown.Count == 0 ? string.Empty : $"; unknown: {string.Join(", ", unknown.Take(5).Select(u => $"'{(u.Length <= 60 ? u : u[..60])}'"))}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex ForcePattern();
}
