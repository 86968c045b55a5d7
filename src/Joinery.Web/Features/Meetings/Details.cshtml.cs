using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Meetings;

public sealed class DetailsModel(JoineryDb db, MeetingsWork meetings, DecisionsWork decisions) : PartnershipPage(db)
{
    public MeetingDetails Details { get; private set; } = null!;
    public List<DecisionSummary> Decisions { get; private set; } = [];
    public bool CanRecord => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty]
    public MeetingForm Meeting { get; set; } = new();

    [BindProperty]
    public ActionForm NewAction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, meetingId, cancellationToken))
        {
            return NotFound();
        }
        var s = Details.Summary;
        Meeting = new MeetingForm
        {
            Title = s.Title,
            Date = s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Format = s.Format.ToText(),
            Agenda = Details.Agenda,
            Minutes = Details.Minutes,
            Successes = Details.Successes,
            Disappointments = Details.Disappointments,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, meetingId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.UpdateMeetingAsync(id, meetingId, new MeetingInput(Meeting.Title, Meeting.Date, Meeting.Format, null, Meeting.Agenda,
            Meeting.Minutes ?? "", Meeting.Successes ?? "", Meeting.Disappointments ?? "", Meeting.Attendees), cancellationToken);
        return Respond(outcome, _ => "The meeting was saved.", nameof(Meeting));
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, meetingId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.AddActionAsync(id, new ActionInput(NewAction.Title, NewAction.Owner, NewAction.DueDate, meetingId.ToString()), cancellationToken);
        return Respond(outcome, _ => "The action item was added.", nameof(NewAction));
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid meetingId, Guid actionId, string? status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, meetingId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.SetActionStatusAsync(id, actionId, status, cancellationToken);
        return Respond(outcome, _ => "The action item was updated.", "");
    }


    private async Task<bool> LoadAsync(Guid id, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "meetings", cancellationToken))
        {
            return false;
        }
        var details = await meetings.GetMeetingAsync(id, meetingId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        Decisions = (await decisions.ListAsync(id, cancellationToken))!.Where(d => d.MeetingId == meetingId).ToList();
        return true;
    }

    public sealed class MeetingForm
    {
        public string? Title { get; set; }
        public string? Date { get; set; }
        public string? Format { get; set; }
        public string? Agenda { get; set; }
        public string? Minutes { get; set; }
        public string? Successes { get; set; }
        public string? Disappointments { get; set; }
        public List<string> Attendees { get; set; } = [];
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public string? Owner { get; set; }
        public string? DueDate { get; set; }
    }
}
