using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Host.Plugins;

/// <summary>
/// A contract version range from a manifest: <c>1.0</c> means "1.0 or later within major 1", and
/// <c>[1.0,2.0)</c> is NuGet interval notation. Anything else is refused rather than guessed.
/// </summary>
internal sealed record ContractRange(Version Minimum, bool MinimumInclusive, Version? Maximum, bool MaximumInclusive)
{
    public bool Includes(Version version)
    {
        var aboveMin = MinimumInclusive ? version >= Minimum : version > Minimum;
        var belowMax = Maximum is null || (MaximumInclusive ? version <= Maximum : version < Maximum);
        return aboveMin && belowMax;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ContractRange? range)
    {
        range = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed[0] is '[' or '(')
        {
            var close = trimmed[^1];
            var parts = trimmed[1..^1].Split(',');
            if (close is not (']' or ')') || parts.Length != 2 || !TryParseVersion(parts[0], out var min))
            {
                return false;
            }

            Version? max = null;
            if (parts[1].Trim().Length > 0 && !TryParseVersion(parts[1], out max))
            {
                return false;
            }

            range = new ContractRange(min, trimmed[0] == '[', max, close == ']');
            return true;
        }

        if (!TryParseVersion(trimmed, out var floor))
        {
            return false;
        }

        range = new ContractRange(floor, true, new Version(floor.Major + 1, 0), false);
        return true;
    }

    public override string ToString() =>
        $"{(MinimumInclusive ? '[' : '(')}{Minimum},{Maximum}{(MaximumInclusive ? ']' : ')')}";

    private static bool TryParseVersion(string text, [NotNullWhen(true)] out Version? version)
    {
        var trimmed = text.Trim();
        if (!trimmed.Contains('.', StringComparison.Ordinal))
        {
            trimmed += ".0";
        }

        return Version.TryParse(trimmed, out version);
    }
}
