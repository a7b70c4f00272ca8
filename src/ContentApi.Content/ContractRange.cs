using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Content;

/// <summary>
/// A contract version range from a manifest: <c>1.0</c> means "1.0 or later within major 1", and
/// <c>[1.0,2.0)</c> is NuGet interval notation. Anything else is refused rather than guessed.
/// </summary>
/// <param name="Minimum">The lowest version in the range.</param>
/// <param name="MinimumInclusive">Whether <paramref name="Minimum"/> itself is in the range.</param>
/// <param name="Maximum">The highest version, or null for no upper bound.</param>
/// <param name="MaximumInclusive">Whether <paramref name="Maximum"/> itself is in the range.</param>
public sealed record ContractRange(Version Minimum, bool MinimumInclusive, Version? Maximum, bool MaximumInclusive)
{
    /// <summary>True when <paramref name="version"/> lies in the range.</summary>
    /// <param name="version">A contract version.</param>
    /// <returns>Whether the range includes it.</returns>
    public bool Includes(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var aboveMin = MinimumInclusive ? version >= Minimum : version > Minimum;
        var belowMax = Maximum is null || (MaximumInclusive ? version <= Maximum : version < Maximum);
        return aboveMin && belowMax;
    }

    /// <summary>Parses <c>1.0</c> or NuGet interval notation such as <c>[1.0,2.0)</c>.</summary>
    /// <param name="text">The range text from a manifest.</param>
    /// <param name="range">The parsed range.</param>
    /// <returns>Whether the text is a range.</returns>
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

    /// <inheritdoc />
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
