namespace ContentApi.Host.Features.Webhooks;

/// <summary>How webhooks are delivered, bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Allows <c>http://</c> receivers (always allowed in Development). Never in production: events are signed, not secret.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Allows private, loopback and link-local destinations (checked on the address actually connected to, after DNS).
    /// Off by default so a subscription cannot make this API call into its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The longest one delivery attempt may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each instance looks for content changes and for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed delivery belongs to the instance that claimed it; if that instance stops mid-attempt, another
    /// takes the delivery over after this. Longer than <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry; each later wait is <see cref="BackoffFactor"/> times the one before.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much longer each wait is than the one before.</summary>
    public double BackoffFactor { get; set; } = 3;

    /// <summary>
    /// Retries after the first attempt before a delivery is dead-lettered. With the defaults (10 s, ×3, 9 retries) the
    /// last try comes about 27 hours after the first.
    /// </summary>
    public int Retries { get; set; } = 9;

    /// <summary>How long deliveries (and their attempts) are kept to be listed and redelivered.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The wait before retry <paramref name="retry"/> (1-based), with ±20 % jitter so receivers are not hit in step.</summary>
    public TimeSpan RetryDelay(int retry, double random) =>
        TimeSpan.FromTicks((long)(FirstRetryDelay.Ticks * Math.Pow(BackoffFactor, retry - 1) * (0.8 + (0.4 * random))));
}
