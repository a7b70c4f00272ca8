using System.Diagnostics;
using ContentApi.Abstractions;
using ContentApi.Content;
using ContentApi.Host.Content;
using ContentApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContentApi.Tests.Signposting;

/// <summary>
/// Every safety invariant in plugins/Signposting/content/signposting-rules.invariants.yaml, checked against the
/// content the real host serves (all five plugins loaded from disk) for every age 0-25 and adult, every topic and
/// none, every audience, every police force in the directory (and none) and both languages. The engine is called in
/// process, so the whole matrix takes seconds.
/// </summary>
public sealed class SignpostingInvariantTests(DefaultHost factory, ITestOutputHelper output) : IClassFixture<DefaultHost>
{
    private static readonly string[] Locales = ["en-GB", "cy-GB"];

    [Fact]
    public void Every_invariant_holds_for_every_age_topic_audience_force_and_language()
    {
        _ = factory.CreateClient(); // starts the host, which loads the plugins
        var store = factory.Services.GetRequiredService<ContentStore>();
        var reviews = factory.Services.GetRequiredService<ReviewPolicy>().Now();
        var snapshot = store.Current;
        var invariants = ReadInvariants();
        var forces = snapshot.Forces.Select(f => f.Item.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var topics = snapshot.Topics.Select(t => t.Item.Id).Distinct(StringComparer.Ordinal).ToList();
        var questions = SignpostingInvariants.Questions(topics).ToList();

        Assert.Equal(45, forces.Count); // the 44 data.police.uk forces and police-scotland
        Assert.Equal(SignpostingInvariants.Ages.Count * (topics.Count + 1) * Enum.GetValues<Audience>().Length, questions.Count);

        var watch = Stopwatch.StartNew();
        var cases = 0;
        var failures = new List<string>();
        foreach (var force in forces.Prepend(null))
        {
            foreach (var locale in Locales)
            {
                // What the API answers from: the same content, resolved once per force and language.
                var content = new SignpostingContent(snapshot, force, locale, reviews);
                foreach (var question in questions)
                {
                    var answer = content.Offers(question);
                    cases++;
                    failures.AddRange(invariants
                        .Select(i => (i.Id, Why: i.Violation(question, force, content.Contacts, answer)))
                        .Where(v => v.Why is not null)
                        .Select(v => $"{v.Id}: {SignpostingInvariants.Describe(question, force, locale)}: {v.Why}"));
                }
            }
        }

        output.WriteLine($"{invariants.Count} invariants, {cases} signposting answers checked ({cases * invariants.Count} checks) in {watch.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal((forces.Count + 1) * Locales.Length * questions.Count, cases);
        Assert.True(failures.Count == 0, $"{failures.Count} broken; first: {string.Join(Environment.NewLine, failures.Take(20))}");
    }

    [Fact]
    public void The_invariants_file_lists_every_invariant_the_issue_asks_for()
    {
        var ids = ReadInvariants().Select(i => i.Id).ToList();

        Assert.Equal(
            ["emergency-first", "no-adults-only-service-for-under-18s", "childline-for-under-19s", "nspcc-helpline-for-adults-worried-about-a-child",
             "report-remove-and-iwf-on-image-topics", "ceop-on-grooming-and-sextortion", "force-101-replaces-national-101", "reasons-fit-the-reader"],
            ids);
    }

    internal static IReadOnlyList<SignpostingInvariant> ReadInvariants()
    {
        var path = Path.Combine(Repository.Root, "plugins", "Signposting", "content", SignpostingInvariants.FileName);
        var (invariants, problems) = SignpostingInvariants.Parse(File.ReadAllText(path), SignpostingInvariants.FileName);
        Assert.Empty(problems);
        return invariants;
    }
}
