using System.Net;
using System.Text.RegularExpressions;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Webhooks;

/// <summary>The subscription admin routes: admin key only, problems for bad input and unknown ids, the secret shown once and never stored in plain.</summary>
public sealed partial class WebhookAdminTests
{
    [Fact]
    public async Task A_subscription_is_registered_listed_read_and_deleted_and_its_secret_is_shown_once_and_stored_encrypted()
    {
        await using var host = await TestHost.Start(o => o.WithRedis());
        var client = host.Client;
        var created = await (await WebhookScenario.SendAsync(client, HttpMethod.Post, "/admin/webhooks", new
        {
            url = "https://partner.example/hooks",
            events = new[] { "content.withdrawn", "content.withheld" },
            force = "gloucestershire",
            kinds = new[] { "guidance", "contact" },
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches(SecretPattern(), secret);

        var one = await (await WebhookScenario.SendAsync(client, HttpMethod.Get, $"/admin/webhooks/{id}")).JsonAsync();
        Assert.Equal("https://partner.example/hooks", one.GetProperty("url").GetString());
        Assert.Equal("gloucestershire", one.GetProperty("force").GetString());
        Assert.False(one.TryGetProperty("secret", out _));
        var list = await (await WebhookScenario.SendAsync(client, HttpMethod.Get, "/admin/webhooks")).JsonAsync();
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(secret, list.GetRawText(), StringComparison.Ordinal);

        var stored = (string)(await host.Redis.CommandAsync("HGET", "content-api:webhooks:subscriptions", id))!;
        Assert.Contains(id, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], stored, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await WebhookScenario.SendAsync(client, HttpMethod.Delete, $"/admin/webhooks/{id}")).StatusCode);
        await (await WebhookScenario.SendAsync(client, HttpMethod.Get, $"/admin/webhooks/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await WebhookScenario.SendAsync(client, HttpMethod.Delete, $"/admin/webhooks/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_unknown_ids_are_404()
    {
        await using var host = await TestHost.Start();
        var client = host.Client;
        var problem = await (await WebhookScenario.SendAsync(client, HttpMethod.Post, "/admin/webhooks", new
        {
            url = "http://partner.example/hooks",
            events = new[] { "content.exploded" },
            force = "Not A Force",
            kinds = new[] { "recipe" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("url must be https.", errors.GetProperty("url")[0].GetString());
        Assert.Contains("'content.exploded'", errors.GetProperty("events")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("force", out _));
        Assert.Contains("'recipe'", errors.GetProperty("kinds")[0].GetString(), StringComparison.Ordinal);

        await (await WebhookScenario.SendAsync(client, HttpMethod.Post, "/admin/webhooks", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/admin/webhooks") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
        await (await client.SendAsync(malformed.WithKey(TestKeys.Admin))).ProblemAsync(HttpStatusCode.BadRequest);

        await (await WebhookScenario.SendAsync(client, HttpMethod.Get, "/admin/webhooks/wh_nope/deliveries")).ProblemAsync(HttpStatusCode.NotFound);
        await (await WebhookScenario.SendAsync(client, HttpMethod.Post, "/admin/webhooks/wh_nope/deliveries/dlv_nope/redeliver")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebhookScenario.SendAsync(client, HttpMethod.Get, "/admin/webhooks", key: "wrong-key-0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WebhookScenario.SendAsync(client, HttpMethod.Get, "/admin/webhooks", key: TestKeys.Partner)).StatusCode);
    }

    [Fact]
    public async Task Without_Redis_the_instance_says_it_delivers_from_memory()
    {
        await using var host = await TestHost.Start();
        await Poll.UntilAsync(() => Task.FromResult(host.Logged("Webhooks: Redis is not configured")), "the startup log");
        var ready = await (await host.Client.GetAsync("/health/ready")).JsonAsync();
        Assert.Contains("memory", ready.GetProperty("checks").GetProperty("webhooks").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^whsec_[A-Za-z0-9+/]{43}=$")]
    private static partial Regex SecretPattern();
}
