using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using ContentApi.Host.Features.Guidance;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Validation;

namespace ContentApi.Tests.Api;

// The framework's validation-info types are marked for evaluation (ASP0029); one test stands in for the generated ones.
#pragma warning disable ASP0029

/// <summary>
/// The rules declared on query records are the framework validation's to enforce; content-aware checks join its
/// findings in one 400; a value that cannot be bound is named by its parameter.
/// </summary>
public sealed class QueryValidationTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task The_rules_the_framework_validation_holds_for_a_query_record_decide_the_answer()
    {
        await (await _client.GetAsync("/api/v2/guidance?pageSize=6")).JsonAsync();

        // The same host, but the framework's validation declares pageSize 1-5 on GuidanceQuery: nothing else changes.
        await using var narrowed = await TestHost.Start(o => o.WithServices(services =>
            services.Configure<ValidationOptions>(options => options.Resolvers.Insert(0, new PageSizeUpToFive()))));

        await (await narrowed.Client.GetAsync("/api/v2/guidance?pageSize=5")).JsonAsync();
        var problem = await (await narrowed.Client.GetAsync("/api/v2/guidance?pageSize=6")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("must be between 1 and 5.", Assert.Single(Errors(problem)["pageSize"]));
    }

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task A_declared_rule_is_reported_by_query_name_with_its_own_message(string version)
    {
        var problem = await (await _client.GetAsync($"/api/{version}/contacts?pageSize=101&q={new string('q', 201)}")).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(["must be between 1 and 100."], errors["pageSize"]);
        Assert.Equal(["must be at most 200 characters."], errors["q"]);
        Assert.Equal(["pageSize", "q"], errors.Keys.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string, string[]> Unbindable => new()
    {
        { "v1", "/guidance?age=abc", ["age"] },
        { "v2", "/guidance?age=abc", ["age"] },
        { "v1", "/guidance?page=abc", ["page"] },
        { "v2", "/guidance?page=abc", ["page"] },
        { "v1", "/contacts?age=abc", ["age"] },
        { "v2", "/contacts?page=1.5", ["page"] },
        { "v1", "/signposting?age=thirteen&audience=young-people", ["age"] },
        { "v2", "/guidance?age=abc&page=x&pageSize=ten", ["age", "page", "pageSize"] },
        { "v2", "/changes?since=2027-01-01T00:00:00Z&limit=many", ["limit"] },
    };

    [Theory]
    [MemberData(nameof(Unbindable))]
    public async Task A_value_that_cannot_be_bound_is_a_400_naming_each_such_parameter(string version, string pathAndQuery, string[] parameters)
    {
        var problem = await (await _client.GetAsync($"/api/{version}{pathAndQuery}")).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = Errors(problem);
        Assert.Equal(parameters, errors.Keys.Order(StringComparer.Ordinal));
        foreach (var parameter in parameters)
        {
            Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("must be ", Assert.Single(errors[parameter]), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string[]> Mixed => new()
    {
        { "v1", "/guidance?age=121&topic=nope", ["age", "topic"] },
        { "v2", "/guidance?age=-1&pageSize=0&page=0&q=" + new string('q', 201) + "&topic=nope&ageBand=2-3&audience=x&format=pdf", ["age", "ageBand", "audience", "format", "page", "pageSize", "q", "topic"] },
        { "v1", "/contacts?pageSize=101&channel=pigeon&topic=nope", ["channel", "pageSize", "topic"] },
        { "v2", "/signposting?age=121&audience=teachers&topic=nope&locale=not%20a%20tag", ["age", "audience", "locale", "topic"] },
        { "v1", "/changes?since=yesterday&limit=0", ["limit", "since"] },
        { "v2", "/age-bands/8-10/advice?q=" + new string('q', 201) + "&topic=nope", ["q", "topic"] },
        { "v1", "/age-bands/8-10/advice?audience=aliens&topic=nope", ["audience", "topic"] },
        { "v2", "/reviews?status=late&plugin=nope", ["plugin", "status"] },
        { "v1", "/guidance/young-people-sextortion?format=pdf&locale=not%20a%20tag", ["format", "locale"] },
    };

    [Theory]
    [MemberData(nameof(Mixed))]
    public async Task Broken_declared_rules_and_content_aware_problems_arrive_in_one_problem(string version, string pathAndQuery, string[] parameters)
    {
        var problem = await (await _client.GetAsync($"/api/{version}{pathAndQuery}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameters, Errors(problem).Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.Contains($"{p}: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    /// <summary>The framework's view of <see cref="GuidanceQuery"/> with one rule changed: pageSize 1-5.</summary>
    private sealed class PageSizeUpToFive : IValidatableInfoResolver
    {
        public bool TryGetValidatableTypeInfo(Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IValidatableInfo? validatableInfo)
        {
            validatableInfo = type == typeof(GuidanceQuery) ? new Query() : null;
            return validatableInfo is not null;
        }

        public bool TryGetValidatableParameterInfo(System.Reflection.ParameterInfo parameterInfo, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IValidatableInfo? validatableInfo)
        {
            validatableInfo = null;
            return false;
        }

        private sealed class Query() : ValidatableTypeInfo(typeof(GuidanceQuery), [new PageSize()])
        {
            protected override ValidationAttribute[] GetValidationAttributes() => [];
        }

        private sealed class PageSize() : ValidatablePropertyInfo(typeof(GuidanceQuery), typeof(int?), nameof(GuidanceQuery.PageSize), nameof(GuidanceQuery.PageSize))
        {
            protected override ValidationAttribute[] GetValidationAttributes() => [new RangeAttribute(1, 5) { ErrorMessage = "must be between {1} and {2}." }];
        }
    }
}
