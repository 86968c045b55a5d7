using System.Globalization;

namespace Joinery.Core.Common;

/// <summary>
/// How dates read to people, the en-US way, wherever Core writes one into a message (health signals,
/// inbox titles, validation): "Dec 7, 2026". The app runs with invariant globalization, whose month
/// names are English. Exports, the API and the CLI's JSON keep ISO dates (<see cref="Iso"/>).
/// </summary>
public static class ShownDates
{
    /// <summary>"Dec 7, 2026".</summary>
    public static string Of(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Dec 7, 2026", or <paramref name="none"/> when there is no date.</summary>
    public static string Of(DateOnly? date, string none = "") => date is { } d ? Of(d) : none;

    /// <summary>The day of a moment, in UTC as stored: "Dec 7, 2026".</summary>
    public static string Of(DateTimeOffset moment) => Of(DateOnly.FromDateTime(moment.UtcDateTime));

    /// <summary>The day of a moment, or <paramref name="none"/> when there is none.</summary>
    public static string Of(DateTimeOffset? moment, string none = "") => moment is { } m ? Of(m) : none;

    /// <summary>A day and a time of day, in UTC as stored: "Dec 7, 2026 14:03".</summary>
    public static string WithTime(DateTimeOffset moment) =>
        $"{Of(moment)} {moment.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>A month: "Dec 2026".</summary>
    public static string Month(DateOnly anyDayInIt) => anyDayInIt.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A measure's period code as people read it: "2026-12" reads "Dec 2026"; a code of another shape reads as it is.</summary>
    public static string Month(string? period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Month(day) : period ?? "";

    /// <summary>The ISO date machines read: "2026-12-07".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
