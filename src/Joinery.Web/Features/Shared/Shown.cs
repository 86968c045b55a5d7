using System.Net;
using Joinery.Core.Common;
using Microsoft.AspNetCore.Html;

namespace Joinery.Web.Features.Shared;

/// <summary>
/// How dates read on screen, the same on every page: "Dec 7, 2026", the en-US way (the format itself
/// lives in Core's <see cref="ShownDates"/>, so messages written by Core read the same). Exports and
/// the API keep ISO dates. <c>On</c> wraps the date in <c>&lt;time datetime="2026-12-07"&gt;</c> so
/// machines keep the ISO date.
/// </summary>
public static class Shown
{
    public static string Date(DateOnly date) => ShownDates.Of(date);

    public static string Date(DateOnly? date, string none = "") => ShownDates.Of(date, none);

    public static string Date(DateTimeOffset moment) => ShownDates.Of(moment);

    public static string Date(DateTimeOffset? moment, string none = "") => ShownDates.Of(moment, none);

    /// <summary>"Dec 7, 2026 14:03" (UTC, as stored).</summary>
    public static string DateTime(DateTimeOffset moment) => ShownDates.WithTime(moment);

    /// <summary>"Dec 2026", for a measure period shown to people (period codes stay "2026-12").</summary>
    public static string Month(DateOnly anyDayInIt) => ShownDates.Month(anyDayInIt);

    /// <summary>A measure's period code as people read it: "2026-12" shows as "Dec 2026"; anything else shows as it is.</summary>
    public static string Month(string? period) => ShownDates.Month(period);

    /// <summary><c>&lt;time datetime="2026-12-07"&gt;Dec 7, 2026&lt;/time&gt;</c>.</summary>
    public static IHtmlContent On(DateOnly date) =>
        new HtmlString($"<time datetime=\"{ShownDates.Iso(date)}\">{WebUtility.HtmlEncode(Date(date))}</time>");

    /// <summary>The date in a <c>&lt;time&gt;</c> element, or <paramref name="none"/> (encoded) when there is none.</summary>
    public static IHtmlContent On(DateOnly? date, string none = "") =>
        date is { } d ? On(d) : new HtmlString(WebUtility.HtmlEncode(none));

    /// <summary>The day of a moment (UTC, as stored) in a <c>&lt;time&gt;</c> element.</summary>
    public static IHtmlContent On(DateTimeOffset moment) => On(DateOnly.FromDateTime(moment.UtcDateTime));

    public static IHtmlContent On(DateTimeOffset? moment, string none = "") =>
        moment is { } m ? On(m) : new HtmlString(WebUtility.HtmlEncode(none));
}
