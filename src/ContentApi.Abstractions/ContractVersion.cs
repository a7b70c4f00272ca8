namespace ContentApi.Abstractions;

/// <summary>
/// The version of this contract. The host loads a plugin only when the contract range its manifest declares
/// includes this version, so a plugin built for another major version is refused with a clear message.
/// </summary>
/// <remarks>
/// Minor versions only add: 1.1 added withdrawal, update and licence fields on every item and signposting rules;
/// 1.2 added who may contact a service (<see cref="Contact.Askers"/>), the adult age, and signposting reasons by age band;
/// 1.3 added translation records (<see cref="ContentItem.Translation"/>) and stale translations.
/// A plugin declaring <c>1.0</c> (meaning 1.0 up to 2.0) still loads, and sees the defaults for what it does not set.
/// </remarks>
public static class ContractVersion
{
    /// <summary>The contract version as a semantic version string.</summary>
    public const string Text = "1.3.0";

    /// <summary>The contract version as a <see cref="System.Version"/>.</summary>
    public static Version Current { get; } = new(1, 3, 0);
}
