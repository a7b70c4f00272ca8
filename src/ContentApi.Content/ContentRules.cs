using System.Text.RegularExpressions;

namespace ContentApi.Content;

/// <summary>Small checks the kinds' rules share.</summary>
internal static partial class ContentRules
{
    public static bool IsHttps(Uri? uri) => uri is { IsAbsoluteUri: true } && uri.Scheme == Uri.UriSchemeHttps;

    public static bool IsPhoneNumber(string value) => PhonePattern().IsMatch(value);

    public static string NotAPhoneNumber(string value) =>
        $"'{value}' is not a phone number (digits and spaces, optionally a leading +, 3 to 15 digits)";

    public static void RequireText(string? value, string field, ICollection<string> reasons)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            reasons.Add($"{field}: is required");
        }
    }

    [GeneratedRegex(@"^(?=(?:\D*\d){3,15}\D*$)\+?[0-9 ]+$")]
    private static partial Regex PhonePattern();
}
