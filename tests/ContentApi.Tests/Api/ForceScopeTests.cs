using System.Net;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Api;

/// <summary>
/// Unknown ids are errors everywhere: an unknown force is a 400 naming the parameter, like an unknown topic, and a
/// force's local item is served only to a request that names that force, on every route, as lists already behave.
/// </summary>
public sealed class ForceScopeTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    public static TheoryData<string, string> RoutesTakingForce()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "v1", "v2" })
        {
            foreach (var route in new[]
                     {
                         "guidance", "guidance/talking-to-your-child", "contacts", "contacts/childline", "age-bands/11-13/advice",
                         "age-bands/11-13/advice/11-13-sextortion-parents-carers", "signposting?age=13&audience=parents-carers", "reviews", "changes?since=2020-01-01T00:00:00Z",
                     })
            {
                data.Add(version, route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesTakingForce))]
    public async Task An_unknown_force_is_a_problem_naming_the_parameter(string version, string route)
    {
        var separator = route.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var problem = await (await _client.GetAsync($"/api/{version}/{route}{separator}force=atlantis")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/api/{version}/{route}{separator}force=gloucestershire")).JsonAsync();
        await (await _client.GetAsync($"/api/{version}/{route}{separator}force=kent")).JsonAsync(); // a known force with no plugin of its own

        Assert.Contains("atlantis", problem.GetProperty("errors").GetProperty("force")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1", "guidance/local-sexting-campaign")]
    [InlineData("v2", "guidance/local-sexting-campaign")]
    [InlineData("v1", "contacts/gloucestershire-101")]
    [InlineData("v2", "contacts/gloucestershire-101")]
    public async Task A_forces_local_item_is_found_only_when_that_force_is_named(string version, string route)
    {
        var named = await (await _client.GetAsync($"/api/{version}/{route}?force=gloucestershire")).JsonAsync();
        await (await _client.GetAsync($"/api/{version}/{route}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/{version}/{route}?force=kent")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("gloucestershire", named.GetProperty("forceId").GetString());
    }
}
