using System.Globalization;
using Joinery.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Support;

/// <summary>
/// The day every test host lives on, so no test depends on the real date: JOINERY_TEST_TODAY
/// (yyyy-MM-dd) or, by default, Monday 2026-03-16; the clock reads 09:00 UTC that day. ./test.sh
/// reruns the tests marked <see cref="Dated"/> with the day moved two years ahead.
/// </summary>
public static class TestClock
{
    /// <summary>The trait that marks tests whose dates follow the clock: <c>[Trait(TestClock.Trait, TestClock.Dated)]</c>.</summary>
    public const string Trait = "Clock";
    public const string Dated = "dated";

    public static DateTimeOffset Start { get; } = Clock.Parse(
        Environment.GetEnvironmentVariable("JOINERY_TEST_TODAY") is { Length: > 0 } day ? day : "2026-03-16");

    public static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>The configuration value that puts a CLI or a started app on the same day.</summary>
    public static string Setting => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A fake clock at <see cref="Start"/> that moves a millisecond each time it is read, so what a
    /// test does later is later on the clock (a decision after a change, the latest of two levels), as
    /// on a real one; a class's tests read it a few thousand times at most, so the day stays the same.
    /// </summary>
    public static FakeTimeProvider New() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>A day relative to <see cref="Today"/>, as a form or the API writes it.</summary>
    public static string Day(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day relative to <see cref="Today"/>, as a page shows it: "Mar 19, 2026" (Shown.Date).</summary>
    public static string ShownDay(int daysFromToday) => ShownDates.Of(Today.AddDays(daysFromToday));

    /// <summary>A month relative to <see cref="Today"/>'s, as yyyy-MM.</summary>
    public static string Month(int monthsFromThis) => Today.AddMonths(monthsFromThis).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
