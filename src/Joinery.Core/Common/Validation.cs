using System.Globalization;
using System.Net.Mail;

namespace Joinery.Core.Common;

/// <summary>
/// Collects field errors for an operation's input. Every operation validates its whole input
/// first, so a user sees all problems at once and nothing is saved until all is well.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
    }

    /// <summary>
    /// Plain text (names, titles): required, at most <paramref name="max"/> characters, no control
    /// characters and no invisible formatting (<see cref="IsInvisibleFormatting"/>). &lt; and &gt; are
    /// ordinary characters ("A1c > 9"): text is HTML-encoded wherever it is shown.
    /// </summary>
    public string Text(string field, string label, string? value, int max, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Add(field, $"Enter {label}.");
            }
            return text;
        }
        if (text.Length > max)
        {
            Add(field, $"{Capitalise(label)} must be {max.ToString(CultureInfo.InvariantCulture)} characters or fewer.");
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(field, $"{Capitalise(label)} contains characters that are not allowed.");
        }
        else if (text.Any(IsInvisibleFormatting))
        {
            Add(field, $"{Capitalise(label)} contains invisible formatting characters (right-to-left or zero-width marks); remove them.");
        }
        return text;
    }

    /// <summary>
    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
    /// characters (U+200B–U+200D, U+2060, U+FEFF): they make a name or title read otherwise than it
    /// is ("Invoice\u202Efdp.exe" shows as "Invoiceexe.pdf") or two names look alike that differ.
    /// </summary>
    public static bool IsInvisibleFormatting(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
            or (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    /// <summary>Longer prose (mission, notes): like <see cref="Text"/> but markup characters are allowed,
    /// because such text is always HTML-encoded when shown.</summary>
    public string Prose(string field, string label, string? value, int max, bool required = false)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 && required)
        {
            Add(field, $"Enter {label}.");
        }
        else if (text.Length > max)
        {
            Add(field, $"{Capitalise(label)} must be {max.ToString(CultureInfo.InvariantCulture)} characters or fewer.");
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(field, $"{Capitalise(label)} contains characters that are not allowed.");
        }
        return text;
    }

    public string Email(string field, string? value)
    {
        var email = (value ?? "").Trim();
        if (email.Length == 0)
        {
            Add(field, "Enter an email address.");
            return email;
        }
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            || !email.Contains('.', StringComparison.Ordinal) || email.IndexOfAny(['<', '>', ' ', '"']) >= 0)
        {
            Add(field, "Enter an email address like name@example.org.");
        }
        return email.ToLowerInvariant();
    }

    /// <summary>
    /// A calendar date written yyyy-mm-dd (what date inputs send), between 2000 and 2100. The message
    /// names no format: the browser's date picker shows the date its own way (mm/dd/yyyy in en-US).
    /// </summary>
    public DateOnly? Date(string field, string label, string? value, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 && !required)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        Add(field, text.Length == 0 ? $"Enter {label}." : $"Enter {label} as a valid date, between 2000 and 2100.");
        return null;
    }

    /// <summary>
    /// An optional date something was done: as <see cref="Date(string, string, string?, bool)"/>, and not after <paramref name="now"/>
    /// (a day's grace for time zones ahead of UTC).
    /// </summary>
    public DateOnly? DoneDate(string field, string label, string? value, DateTimeOffset now)
    {
        var date = Date(field, label, value, required: false);
        if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            Add(field, $"{Capitalise(label)} cannot be in the future.");
        }
        return date;
    }

    /// <summary>A month written yyyy-mm (as API and CSV callers send periods), between 2000 and 2100; the first day of that month.</summary>
    public DateOnly? Month(string field, string label, string? value, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 && !required)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }
        Add(field, $"Enter {label} as yyyy-mm, for example 2026-03.");
        return null;
    }

    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/>, rounded to <paramref name="decimals"/> places; thousands separators and a leading $ are ignored.</summary>
    public decimal? Number(string field, string label, string? value, decimal min, decimal max, bool required = true, int decimals = 2)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Add(field, $"Enter {label}.");
            }
            return null;
        }
        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            if (decimals == 0 && number != decimal.Truncate(number))
            {
                Add(field, $"Enter {label} as a whole number.");
                return null;
            }
            return Math.Round(number, decimals);
        }
        Add(field, $"Enter {label} as a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString("#,0.##", CultureInfo.InvariantCulture)}.");
        return null;
    }

    /// <summary>A typed date (API JSON, a bound form field) between 2000 and 2100; null stays null unless required.</summary>
    public DateOnly? Date(string field, string label, DateOnly? value, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"Enter {label}.");
            }
            return null;
        }
        if (value.Value.Year is < 2000 or > 2100)
        {
            Add(field, $"Enter {label} between 2000 and 2100.");
            return null;
        }
        return value;
    }

    /// <summary>A typed date something was done: like <see cref="Date(string, string, DateOnly?, bool)"/>, and not after tomorrow (time zones).</summary>
    public DateOnly? DoneDate(string field, string label, DateOnly? value, DateTimeOffset now)
    {
        var date = Date(field, label, value);
        if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            Add(field, $"{Capitalise(label)} cannot be in the future.");
        }
        return date;
    }

    /// <summary>A typed whole number from <paramref name="min"/> to <paramref name="max"/>; null stays null unless required.</summary>
    public int? Whole(string field, string label, int? value, int min, int max, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"Enter {label}.");
            }
            return null;
        }
        if (value < min || value > max)
        {
            Add(field, $"Enter {label} as a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString("#,0", CultureInfo.InvariantCulture)}.");
            return null;
        }
        return value;
    }

    public TEnum? Choice<TEnum>(string field, string label, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Choose {label}.");
            return null;
        }
        if (EnumText.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }
        Add(field, $"Choose {label}: {string.Join(", ", EnumText.All<TEnum>())}.");
        return null;
    }

    private static string Capitalise(string label) =>
        label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
