namespace ContentApi.Abstractions;

/// <summary>
/// The version of this contract. The host loads a plugin only when the contract range its manifest declares
/// includes this version, so a plugin built for another major version is refused with a clear message.
/// </summary>
public static class ContractVersion
{
    /// <summary>The contract version as a semantic version string.</summary>
    public const string Text = "1.0.0";

    /// <summary>The contract version as a <see cref="System.Version"/>.</summary>
    public static Version Current { get; } = new(1, 0, 0);
}
