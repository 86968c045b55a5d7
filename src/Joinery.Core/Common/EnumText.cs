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

    /// <summary>Values that are initialisms: written in capitals wherever they stand ("IT", "Staff FTE", "MOU").</summary>
    private static readonly HashSet<string> Initialisms = ["it", "fte", "mou", "baa", "qsoa", "dsa", "ehr"];

    /// <summary>Prefixes written with a hyphen to the word after them ("Co-located").</summary>
    private static readonly HashSet<string> Prefixes = ["co", "non"];

    /// <summary>"PrimaryCare" → "Primary care", "It" → "IT", "CoLocated" → "Co-located", for people to read.</summary>
    public static string Words<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var words = value.LowerWords();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The words in lower case for the middle of a sentence ("primary care", "co-located"), initialisms still in capitals ("IT").</summary>
    public static string LowerWords<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var parts = value.ToText().Split('-');
        var text = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                text.Append(Prefixes.Contains(parts[i - 1]) ? '-' : ' ');
            }
            text.Append(Initialisms.Contains(parts[i]) ? parts[i].ToUpperInvariant() : parts[i]);
        }
        return text.ToString();
    }
}
