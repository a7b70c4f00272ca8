namespace ContentApi.Tests.Infrastructure;

/// <summary>Every supported API version, for theories that must hold in each.</summary>
public static class ApiVersionsData
{
    public static TheoryData<string> All => ["v1", "v2"];
}
