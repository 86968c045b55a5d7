using System.ComponentModel.DataAnnotations;

namespace Joinery.Core.Notifications;

/// <summary>Section <c>Notifications</c>: how often the web app looks for what to e-mail, and when digests go out.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Minutes between two looks; 0 leaves sending to <c>joinery notify send</c> (from cron, say).</summary>
    [Range(0, 1440, ErrorMessage = "Notifications:IntervalMinutes must be a whole number from 0 (the web app sends nothing) to 1440.")]
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>The hour (UTC) from which the day's digests go out.</summary>
    [Range(0, 23, ErrorMessage = "Notifications:DigestHourUtc must be a whole number from 0 to 23.")]
    public int DigestHourUtc { get; set; } = 13;

    /// <summary>The day weekly digests go out.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The latest moment at or before <paramref name="now"/> when a digest of that frequency was due.</summary>
    public DateTimeOffset LatestDigestSlot(DateTimeOffset now, DigestFrequency frequency)
    {
        var utc = now.ToUniversalTime();
        var slot = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddHours(DigestHourUtc);
        if (slot > utc)
        {
            slot = slot.AddDays(-1);
        }
        while (frequency == DigestFrequency.Weekly && slot.DayOfWeek != WeeklyDigestDay)
        {
            slot = slot.AddDays(-1);
        }
        return slot;
    }
}
