using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>Every error status a partner may meet shows an example of its own, not the 404 the problem schema carries.</summary>
public sealed class ErrorExampleTests
{
    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Each_shared_error_response_shows_an_example_with_its_own_status(string version)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Repository.ContractPath(version)))!;
        var responses = document["components"]!["responses"]!.AsObject();

        foreach (var (name, status) in new[] { ("Unauthorized", 401), ("TooManyRequests", 429), ("InternalServerError", 500) })
        {
            var example = responses[name]!["content"]!["application/problem+json"]!["example"];
            Assert.True(example is not null, $"{name} has no example");
            Assert.Equal(status, example!["status"]!.GetValue<int>());
        }
    }
}
