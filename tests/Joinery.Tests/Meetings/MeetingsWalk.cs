using Joinery.Core.Meetings;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Meetings;

public sealed class MeetingsWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var meetings = services.GetRequiredService<MeetingsWork>();
            var series = await meetings.CreateSeriesAsync(victim.Id, new SeriesInput("Joint meeting", "monthly", "2026-01-05", "08:30", "60", "hybrid"));
            var meeting = await meetings.CreateMeetingAsync(victim.Id, new MeetingInput("Kick-off", "2026-01-05", "face-to-face", null, "1. Hello"));
            var action = await meetings.AddActionAsync(victim.Id, new ActionInput("Book the room", victim.Steward.UserId.ToString(), "2026-02-01", meeting.Value.ToString()));
            foreach (var outcome in new[] { series, meeting, action })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["series"] = series.Value.ToString(),
                ["seriesId"] = series.Value.ToString(),
                ["meetingId"] = meeting.Value.ToString(),
                ["actionId"] = action.Value.ToString(),
                ["status"] = "done",
            };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Meetings/Index" => new()
        {
            ["Series.Title"] = "Fortnightly",
            ["Series.Cadence"] = "every-two-weeks",
            ["Series.FirstDate"] = "2026-02-02",
            ["Series.StartTime"] = "09:00",
            ["Series.DurationMinutes"] = "45",
            ["Series.Format"] = "virtual",
            ["Meeting.Title"] = "Review",
            ["Meeting.Date"] = "2026-02-02",
            ["Meeting.Format"] = "hybrid",
        },
        "/Meetings/Details" => new()
        {
            ["Meeting.Title"] = "Kick-off",
            ["Meeting.Date"] = "2026-01-05",
            ["Meeting.Format"] = "face-to-face",
            ["Meeting.Minutes"] = "We met.",
            ["NewAction.Title"] = "Send the minutes",
            ["NewAction.Owner"] = victim.Steward.UserId.ToString(),
            ["NewAction.DueDate"] = "2026-02-10",
        },
        _ => [],
    };
}
