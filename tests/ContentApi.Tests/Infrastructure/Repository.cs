namespace ContentApi.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (the committed contracts, for example).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ContractPath(string version) => Path.Combine(Root, "openapi", $"{version}.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContentApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContentApi.sln not found above the test output.");
    }
}
