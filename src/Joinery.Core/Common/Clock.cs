using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Joinery.Core.Common;

/// <summary>
/// Where the app's time comes from: the system clock, unless <c>Clock:Today</c> names a day. Then
/// the app starts at that day (a bare date means 09:00 UTC, a date and time means that moment) and
/// time moves on from there at the normal pace, so demos, screenshots and browser journeys are the
/// same on any real date while sessions and lockouts still expire.
/// </summary>
public static class Clock
{
    public const string TodayKey = "Clock:Today";

    /// <summary>The hour of day a bare <c>Clock:Today</c> date starts at: a working morning, as the demo expects.</summary>
    public static readonly TimeSpan StartOfDay = TimeSpan.FromHours(9);

    /// <summary>The app's clock from configuration; throws one line naming the key when the value is not a date.</summary>
    public static TimeProvider From(IConfiguration configuration)
    {
        var text = configuration[TodayKey];
        return string.IsNullOrWhiteSpace(text) ? TimeProvider.System : new StartedAt(Parse(text));
    }

    /// <summary>Reads a <c>Clock:Today</c> value: yyyy-MM-dd (09:00 UTC that day) or an ISO 8601 date and time with an offset.</summary>
    public static DateTimeOffset Parse(string text)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(StartOfDay)), TimeSpan.Zero);
        }
        if (trimmed.Length > 10 && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var moment)
            && (trimmed.EndsWith('Z') || trimmed.LastIndexOfAny(['+', '-']) > 10))
        {
            return moment;
        }
        throw new SettingException($"{TodayKey} must be a date as yyyy-MM-dd (or a date and time with an offset, such as 2026-03-16T09:00:00Z), not '{text}'.");
    }

    /// <summary>A clock that read <paramref name="start"/> when it was made and runs at the system clock's pace.</summary>
    private sealed class StartedAt(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = TimeProvider.System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + TimeProvider.System.GetElapsedTime(_started);

        public override TimeZoneInfo LocalTimeZone => TimeProvider.System.LocalTimeZone;
    }
}
