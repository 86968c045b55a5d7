using System.Globalization;
using System.Text;

namespace Joinery.Core.Meetings;

/// <summary>
/// A meeting series as an iCalendar (RFC 5545) file with a recurrence rule, so each member can add
/// it to their own calendar. Times are floating local times: the partners meet in one place.
/// </summary>
public static class Calendar
{
    public static string Write(MeetingSeries series, string partnershipName, DateTimeOffset now)
    {
        var rule = series.Cadence switch
        {
            Cadence.Weekly => "FREQ=WEEKLY;INTERVAL=1",
            Cadence.EveryTwoWeeks => "FREQ=WEEKLY;INTERVAL=2",
            _ => "FREQ=MONTHLY;INTERVAL=1",
        };
        var start = series.FirstDate.ToDateTime(series.StartTime);
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Joinery//Partnership meetings//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            $"UID:{series.Id}@joinery",
            $"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"DTSTART:{start.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}",
            $"DURATION:PT{series.DurationMinutes.ToString(CultureInfo.InvariantCulture)}M",
            $"RRULE:{rule}",
            $"SUMMARY:{Escape($"{series.Title} ({partnershipName})")}",
            $"DESCRIPTION:{Escape($"{series.Format switch { MeetingFormat.FaceToFace => "Face to face", MeetingFormat.Virtual => "Virtual", _ => "Hybrid" }} meeting of {partnershipName}.")}",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }
        return text.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1).</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 75)
            {
                text.Append("\r\n ");
                bytes = 1;
            }
            text.Append(rune.ToString());
            bytes += size;
        }
        text.Append("\r\n");
    }
}
