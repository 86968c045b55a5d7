using System.Globalization;

namespace Joinery.Core.Common;

/// <summary>
/// Counts said the way people write them: "1 measure", "3 measures", "1 measure has", "2 measures
/// have", "second anniversary", never "measure(s)".
/// </summary>
public static class Counting
{
    private static readonly string[] OrdinalWords = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>"1 measure", "3 measures", "2 feedback items".</summary>
    public static string Of(int count, string noun, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? noun : plural ?? Plural(noun))}";

    /// <summary>The noun in the plural when the count asks for it, without the number: "measure" or "measures".</summary>
    public static string Noun(int count, string noun, string? plural = null) => count == 1 ? noun : plural ?? Plural(noun);

    /// <summary>The verb that agrees with the count: Verb(1, "has", "have") is "has".</summary>
    public static string Verb(int count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>"first", "second", … "tenth", then "11th"; "Second" at the start of a sentence.</summary>
    public static string Ordinal(int n, bool capital = false)
    {
        var word = n >= 0 && n < OrdinalWords.Length ? OrdinalWords[n] : n.ToString(CultureInfo.InvariantCulture) + Suffix(n);
        return capital ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    /// <summary>The regular English plural of the last word: "item" → "items", "pair" → "pairs", "category" → "categories", "match" → "matches".</summary>
    public static string Plural(string noun)
    {
        if (noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2], StringComparison.Ordinal))
        {
            return noun[..^1] + "ies";
        }
        return noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal)
            ? noun + "es"
            : noun + "s";
    }

    private static string Suffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
