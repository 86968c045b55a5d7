using System.Text;
using Joinery.Core.Data;
using Joinery.Core.Meetings;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Meetings;

[InNavigation(NavGroup.Plan, 1, "Meetings", "/meetings", Step = 3)]
public sealed class IndexModel(JoineryDb db, MeetingsWork meetings) : PartnershipPage(db)
{
    public MeetingsView View { get; private set; } = null!;

    [BindProperty]
    public SeriesForm Series { get; set; } = new();

    [BindProperty]
    public MeetingForm Meeting { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCalendarAsync(Guid id, Guid series, CancellationToken cancellationToken)
    {
        var found = await meetings.GetSeriesAsync(id, series, cancellationToken);
        if (found is not { } s)
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(Calendar.Write(s.Series, s.PartnershipName, Db.Now)), "text/calendar", "meetings.ics");
    }

    public async Task<IActionResult> OnPostSeriesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.CreateSeriesAsync(id, new SeriesInput(Series.Title, Series.Cadence, Series.FirstDate, Series.StartTime, Series.DurationMinutes, Series.Format), cancellationToken);
        return Respond(outcome, _ => "The regular meeting is set up. Download it to your calendar.", nameof(Series));
    }

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.CreateMeetingAsync(id, new MeetingInput(Meeting.Title, Meeting.Date, Meeting.Format, Meeting.SeriesId, Meeting.Agenda), cancellationToken);
        return Respond(outcome, _ => "The meeting is recorded. Add who came, the minutes and the action items.", nameof(Meeting),
            m => Redirect($"/partnerships/{id}/meetings/{m}"));
    }


    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "meetings", cancellationToken))
        {
            return false;
        }
        View = (await meetings.GetAsync(id, cancellationToken))!;
        return true;
    }

    public sealed class SeriesForm
    {
        public string? Title { get; set; }
        public string? Cadence { get; set; }
        public string? FirstDate { get; set; }
        public string? StartTime { get; set; }
        public string? DurationMinutes { get; set; } = "60";
        public string? Format { get; set; }
    }

    public sealed class MeetingForm
    {
        public string? Title { get; set; }
        public string? Date { get; set; }
        public string? Format { get; set; }
        public string? SeriesId { get; set; }
        public string? Agenda { get; set; }
    }
}
