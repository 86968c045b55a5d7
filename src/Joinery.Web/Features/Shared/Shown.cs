using System.Globalization;

namespace Joinery.Web.Features.Shared;

/// <summary>
/// How dates read on screen, the same on every page: "Dec 7, 2026", the en-US way (the app runs
/// with invariant globalization, whose month names are English). Exports and the API keep ISO dates.
/// </summary>
public static class Shown
{
    public static string Date(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string none = "") => date is { } d ? Date(d) : none;

    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.UtcDateTime));
}
