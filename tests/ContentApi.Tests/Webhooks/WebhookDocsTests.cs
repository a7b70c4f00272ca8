using ContentApi.Tests.Infrastructure;

namespace ContentApi.Tests.Webhooks;

/// <summary>The verification docs/webhooks.md shows is the code the delivery tests run, line for line.</summary>
public sealed class WebhookDocsTests
{
    [Fact]
    public void The_documented_CSharp_verification_is_the_one_the_tests_run()
    {
        var documented = Between(File.ReadAllText(Path.Combine(Repository.Root, "docs", "webhooks.md")));
        var tested = Between(File.ReadAllText(Path.Combine(Repository.Root, "tests", "ContentApi.Tests", "Webhooks", "StandardWebhookVerifier.cs")));
        Assert.NotEmpty(tested);
        Assert.Equal(tested, documented);
    }

    private static List<string> Between(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var begin = Array.FindIndex(lines, l => l.Trim() == "// docs:begin");
        var end = Array.FindIndex(lines, l => l.Trim() == "// docs:end");
        return [.. lines[(begin + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0)];
    }
}
