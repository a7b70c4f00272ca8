using System.Text;

namespace ContentApi.Content;

/// <summary>
/// Converts contract enums to and from the kebab-case words used in content files and URLs
/// (<c>ParentsCarers</c> is <c>parents-carers</c>), so files, queries and JSON all spell them the same way.
/// </summary>
public static class EnumText
{
    /// <summary>The kebab-case word for a value.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>parents-carers</c>.</returns>
    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => Kebab(value.ToString());

    /// <summary>All the words of an enum, in declaration order.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The kebab-case names.</returns>
    public static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(ToText).ToList();

    /// <summary>Parses a kebab-case word (case-insensitive); numbers are not accepted.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The word.</param>
    /// <param name="value">The value when the word is known.</param>
    /// <returns>Whether the word is known.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var wanted = text?.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToText(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
