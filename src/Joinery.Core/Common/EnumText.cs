using System.Text;

namespace Joinery.Core.Common;

/// <summary>
/// The one spelling of enum values outside the code: kebab-case ("primary-care"), the same in
/// the API, the CLI and CSV files, and accepted case-insensitively.
/// </summary>
public static class EnumText
{
    public static string ToText<TEnum>(this TEnum value) where TEnum : struct, Enum => Kebab(value.ToString());

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => v.ToText());

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var wanted = (text ?? "").Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToText(), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"PrimaryCare" → "primary-care".</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>"PrimaryCare" → "Primary care", for people to read.</summary>
    public static string Words<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var kebab = value.ToText().Replace('-', ' ');
        return char.ToUpperInvariant(kebab[0]) + kebab[1..];
    }
}
