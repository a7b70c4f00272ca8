using System.Text.Json.Nodes;
using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.OpenApi;

/// <summary>
/// The committed contract is a promise: every operation of both documents is called with realistic parameter sets
/// (each filter alone and all together, with and without force and locale, every format, paging edges), bad inputs and
/// unknown ids, and every response must be one the contract documents, body and all.
/// </summary>
public sealed class ContractConformanceTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    // Realistic values for each query parameter the API has; the first is used when parameters are combined.
    private static readonly Dictionary<string, string[]> Samples = new(StringComparer.Ordinal)
    {
        ["topic"] = ["sextortion", "online-grooming", "sharing-nudes"],
        ["audience"] = ["parents-carers", "young-people", "professionals"],
        ["age"] = ["13", "4", "17", "25"],
        ["ageBand"] = ["11-13", "4-7"],
        ["force"] = ["gloucestershire", "wiltshire"],
        ["locale"] = ["cy-GB", "en-GB"],
        ["q"] = ["nudes", "ceop"],
        ["format"] = ["html", "markdown", "text"],
        ["page"] = ["1", "2", "999"],
        ["pageSize"] = ["1", "100"],
        ["channel"] = ["phone", "web"],
        ["plugin"] = ["signposting", "guidance"],
        ["status"] = ["due-soon", "overdue", "withheld"],
        ["since"] = ["2020-01-01T00:00:00Z"],
        ["limit"] = ["1", "500"],
    };

    // Inputs the API must refuse with a documented problem.
    private static readonly Dictionary<string, string[]> BadInputs = new(StringComparer.Ordinal)
    {
        ["topic"] = ["nope"],
        ["audience"] = ["aliens"],
        ["age"] = ["abc", "-1", "200"],
        ["ageBand"] = ["12-99"],
        ["force"] = ["atlantis"],
        ["locale"] = ["not a locale"],
        ["format"] = ["pdf"],
        ["page"] = ["0", "abc"],
        ["pageSize"] = ["0", "1000"],
        ["channel"] = ["pigeon"],
        ["plugin"] = ["nope"],
        ["status"] = ["late"],
        ["since"] = ["yesterday"],
        ["limit"] = ["0"],
    };

    // A real id for each path parameter, by the collection it follows.
    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["guidance"] = "talking-to-your-child",
        ["contacts"] = "childline",
        ["age-bands"] = "11-13",
        ["advice"] = "11-13-sextortion-parents-carers",
        ["forces"] = "gloucestershire",
    };

    // Parameters the API needs before it can answer at all, given in every request but the one that leaves them out.
    private static readonly Dictionary<string, Dictionary<string, string>> Needed = new(StringComparer.Ordinal)
    {
        ["/signposting"] = new(StringComparer.Ordinal) { ["age"] = "13", ["audience"] = "parents-carers" },
    };

    [Theory]
    [MemberData(nameof(ApiVersionsData.All), MemberType = typeof(ApiVersionsData))]
    public async Task Every_response_is_one_the_committed_contract_documents(string version)
    {
        var contract = new ContractConformance(await File.ReadAllTextAsync(Repository.ContractPath(version)));
        var breaches = new List<string>();
        var calls = 0;
        foreach (var operation in contract.Operations)
        {
            foreach (var request in Requests(operation))
            {
                calls++;
                using var response = await _client.GetAsync(request);
                if (await contract.FirstBreachAsync(operation, response) is { } breach)
                {
                    breaches.Add($"{operation}: GET {request} -> {(int)response.StatusCode}: {breach}");
                }
            }
        }

        Assert.True(breaches.Count == 0,
            $"{breaches.Count} of {calls} responses break openapi/{version}.json:{Environment.NewLine}{string.Join(Environment.NewLine, breaches.Take(25))}");
        Assert.True(calls > 200, $"only {calls} calls were made");
    }

    private static IEnumerable<string> Requests(ContractOperation operation)
    {
        var path = Fill(operation.Path);
        var names = operation.Parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
        var needed = Needed.FirstOrDefault(n => operation.Path.EndsWith(n.Key, StringComparison.Ordinal)).Value ?? [];
        string Url(IEnumerable<KeyValuePair<string, string>> query)
        {
            var all = needed.Where(n => !query.Any(q => q.Key == n.Key)).Concat(query).ToList();
            return all.Count == 0 ? path : $"{path}?{string.Join('&', all.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"))}";
        }

        yield return Url([]);
        foreach (var name in names)
        {
            foreach (var value in Samples.GetValueOrDefault(name) ?? [])
            {
                yield return Url([new(name, value)]);
            }

            foreach (var value in BadInputs.GetValueOrDefault(name) ?? [])
            {
                yield return Url([new(name, value)]);
            }
        }

        var combined = names.Where(Samples.ContainsKey).Select(n => new KeyValuePair<string, string>(n, Samples[n][0])).ToList();
        yield return Url(combined);
        yield return Url(combined.Where(c => c.Key is not "force" and not "locale"));
        foreach (var name in needed.Keys)
        {
            yield return $"{path}?{string.Join('&', needed.Where(n => n.Key != name).Select(n => $"{n.Key}={n.Value}"))}";
        }

        if (operation.Path.Contains('{', StringComparison.Ordinal))
        {
            yield return FillUnknown(operation.Path);
        }
    }

    // /api/v2/age-bands/{id}/advice/{adviceId}: each parameter takes the real id of the collection before it.
    private static string Fill(string template)
    {
        var parts = template.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                parts[i] = Ids[parts[i - 1]];
            }
        }

        return string.Join('/', parts);
    }

    private static string FillUnknown(string template)
    {
        var filled = Fill(template).Split('/');
        var last = Array.FindLastIndex(template.Split('/'), p => p.StartsWith('{'));
        filled[last] = "no-such-item";
        return string.Join('/', filled);
    }
}
