using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Meetings;

public sealed record SeriesInput(string? Title, string? Cadence, string? FirstDate, string? StartTime, string? DurationMinutes, string? Format);

public sealed record MeetingInput(string? Title, string? Date, string? Format, string? SeriesId, string? Agenda,
    string? Minutes = null, string? Successes = null, string? Disappointments = null, IReadOnlyList<string>? Attendees = null);

public sealed record ActionInput(string? Title, string? Owner, string? DueDate, string? MeetingId);

public sealed record SeriesView(Guid Id, string Title, Cadence Cadence, DateOnly FirstDate, TimeOnly StartTime, int DurationMinutes, MeetingFormat Format,
    IReadOnlyList<DateOnly> Upcoming, DateOnly? LastHeld);

public sealed record AttendanceCount(string OrganizationName, MemberLevel Level, int Attended);

public sealed record MeetingSummary(Guid Id, string Title, DateOnly Date, MeetingFormat Format, Guid? SeriesId, int Attendees, IReadOnlyList<AttendanceCount> ByOrganizationAndLevel);

public sealed record AttendeeView(Guid UserId, string Name, string OrganizationName, MemberLevel Level, bool Attended);

public sealed record ActionView(Guid Id, string Title, Guid OwnerUserId, string Owner, string OwnerOrganization, DateOnly DueDate, ActionStatus Status,
    Guid? MeetingId, string? MeetingTitle, bool Overdue);

public sealed record MeetingDetails(MeetingSummary Summary, string Agenda, string Minutes, string AgendaHtml, string MinutesHtml,
    string Successes, string Disappointments, IReadOnlyList<AttendeeView> Members, IReadOnlyList<ActionView> Actions);

public sealed record MeetingsView(IReadOnlyList<SeriesView> Series, IReadOnlyList<MeetingSummary> Meetings, bool CanPlan, bool CanRecord);

public sealed record MyAction(Guid PartnershipId, string PartnershipName, ActionView Action);

/// <summary>
/// Step 3, pacing: joint meetings with a cadence, their attendance by organization and level,
/// agenda, minutes, successes and disappointments, and the action items that come out of them.
/// </summary>
public sealed class MeetingsWork(JoineryDb db)
{
    public static int CadenceDays(Cadence cadence) => cadence switch { Cadence.Weekly => 7, Cadence.EveryTwoWeeks => 14, _ => 30 };

    public static DateOnly Next(Cadence cadence, DateOnly date) => cadence switch
    {
        Cadence.Weekly => date.AddDays(7),
        Cadence.EveryTwoWeeks => date.AddDays(14),
        _ => date.AddMonths(1),
    };

    private DateOnly Today => DateOnly.FromDateTime(db.Now.UtcDateTime);

    public async Task<MeetingsView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var meetings = await SummariesAsync(partnershipId, null, cancellationToken);
        var series = await db.Set<MeetingSeries>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var today = Today;
        var views = series.OrderBy(s => s.Title, StringComparer.Ordinal).Select(s =>
        {
            var upcoming = new List<DateOnly>();
            var date = s.FirstDate;
            // A date of the series already held (today's meeting, once recorded) is not "next".
            var held = meetings.Where(m => m.SeriesId == s.Id).Select(m => m.Date).ToHashSet();
            while (date < today || held.Contains(date))
            {
                date = Next(s.Cadence, date);
            }
            for (var i = 0; i < 3; i++)
            {
                upcoming.Add(date);
                date = Next(s.Cadence, date);
            }
            var last = meetings.Where(m => m.SeriesId == s.Id && m.Date <= today).Select(m => (DateOnly?)m.Date).Max();
            return new SeriesView(s.Id, s.Title, s.Cadence, s.FirstDate, s.StartTime, s.DurationMinutes, s.Format, upcoming, last);
        }).ToList();
        return new MeetingsView(views, meetings, me?.Role is MemberRole.Steward or MemberRole.Planner, me is not null && me.Role != MemberRole.Viewer);
    }

    public async Task<MeetingDetails?> GetMeetingAsync(Guid partnershipId, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendance)
            .FirstOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == partnershipId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var summary = (await SummariesAsync(partnershipId, meetingId, cancellationToken)).Single();
        var attended = meeting.Attendance.Select(a => a.UserId).ToHashSet();
        var members = (await db.ListMembersAsync(partnershipId, cancellationToken))
            .Select(m => new AttendeeView(m.UserId, m.Name, m.OrganizationName, m.Level, attended.Contains(m.UserId))).ToList();
        var actions = (await ListActionsAsync(partnershipId, cancellationToken: cancellationToken))!.Where(a => a.MeetingId == meetingId).ToList();
        return new MeetingDetails(summary, meeting.Agenda, meeting.Minutes, SafeMarkdown.ToHtml(meeting.Agenda), SafeMarkdown.ToHtml(meeting.Minutes),
            meeting.Successes, meeting.Disappointments, members, actions);
    }

    public async Task<Outcome<Guid>> CreateSeriesAsync(Guid partnershipId, SeriesInput input, CancellationToken cancellationToken = default)
    {
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (me?.Role is not (MemberRole.Steward or MemberRole.Planner))
        {
            return Outcome<Guid>.Forbidden("Stewards and planners set up meeting series.");
        }
        var check = new Validation();
        var title = check.Text("title", "a title", input.Title, MeetingSeries.TitleMax);
        var cadence = check.Choice<Cadence>("cadence", "how often the partners meet", input.Cadence);
        var format = check.Choice<MeetingFormat>("format", "how the partners meet", input.Format);
        var first = check.Date("firstDate", "the first meeting's date", input.FirstDate) ?? default;
        TimeOnly start = default;
        if (!TimeOnly.TryParseExact(input.StartTime ?? "", ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            check.Add("startTime", "Enter the start time as hh:mm, for example 08:30.");
        }
        var duration = 60;
        if (!string.IsNullOrWhiteSpace(input.DurationMinutes)
            && (!int.TryParse(input.DurationMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration is < 10 or > 480))
        {
            check.Add("durationMinutes", "Give the length in minutes, from 10 to 480.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var series = new MeetingSeries
        {
            PartnershipId = partnershipId,
            Title = title,
            Cadence = cadence!.Value,
            FirstDate = first,
            StartTime = start,
            DurationMinutes = duration,
            Format = format!.Value,
            CreatedAt = db.Now,
        };
        db.Set<MeetingSeries>().Add(series);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(series.Id);
    }

    public async Task<(MeetingSeries Series, string PartnershipName)?> GetSeriesAsync(Guid partnershipId, Guid seriesId, CancellationToken cancellationToken = default)
    {
        var series = await db.Set<MeetingSeries>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId && s.PartnershipId == partnershipId, cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        return series is null || partnership is null ? null : (series, partnership.Name);
    }

    public async Task<Outcome<Guid>> CreateMeetingAsync(Guid partnershipId, MeetingInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read meetings; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var fields = await ValidateAsync(check, partnershipId, input, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var meeting = new Meeting
        {
            PartnershipId = partnershipId,
            SeriesId = fields.SeriesId,
            Title = fields.Title,
            Date = fields.Date,
            Format = fields.Format,
            CreatedAt = db.Now,
        };
        Apply(meeting, fields, partnershipId);
        db.Set<Meeting>().Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(meeting.Id);
    }

    public async Task<Outcome<Guid>> UpdateMeetingAsync(Guid partnershipId, Guid meetingId, MeetingInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read meetings; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var meeting = await db.Set<Meeting>().Include(m => m.Attendance).FirstOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == partnershipId, cancellationToken);
        if (meeting is null)
        {
            return Outcome<Guid>.NotFound("No such meeting.");
        }
        var check = new Validation();
        var fields = await ValidateAsync(check, partnershipId, input with { SeriesId = meeting.SeriesId?.ToString() }, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        meeting.Title = fields.Title;
        meeting.Date = fields.Date;
        meeting.Format = fields.Format;
        Apply(meeting, fields, partnershipId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(meeting.Id);
    }

    public async Task<Outcome<Guid>> AddActionAsync(Guid partnershipId, ActionInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read meetings; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var title = check.Text("title", "what is to be done", input.Title, ActionItem.TitleMax);
        var due = check.Date("dueDate", "the due date", input.DueDate) ?? default;
        var members = await db.Memberships.Where(m => m.PartnershipId == partnershipId).Select(m => m.UserId).ToListAsync(cancellationToken);
        Guid owner = default;
        if (!Guid.TryParse(input.Owner, out owner) || !members.Contains(owner))
        {
            check.Add("owner", "Choose who owns it: a member of the partnership.");
        }
        Guid? meetingId = null;
        if (!string.IsNullOrWhiteSpace(input.MeetingId))
        {
            if (Guid.TryParse(input.MeetingId, out var parsed) && await db.Set<Meeting>().AnyAsync(m => m.Id == parsed && m.PartnershipId == partnershipId, cancellationToken))
            {
                meetingId = parsed;
            }
            else
            {
                check.Add("meetingId", "There is no such meeting in this partnership.");
            }
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var action = new ActionItem { PartnershipId = partnershipId, MeetingId = meetingId, Title = title, OwnerUserId = owner, DueDate = due, CreatedAt = db.Now };
        db.Set<ActionItem>().Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(action.Id);
    }

    public async Task<Outcome<ActionStatus>> SetActionStatusAsync(Guid partnershipId, Guid actionId, string? status, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read meetings; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<ActionStatus>();
        }
        var action = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == actionId && a.PartnershipId == partnershipId, cancellationToken);
        if (action is null)
        {
            return Outcome<ActionStatus>.NotFound("No such action item.");
        }
        var check = new Validation();
        var wanted = check.Choice<ActionStatus>("status", "a status", status);
        if (!check.IsValid)
        {
            return Outcome<ActionStatus>.Invalid(check.Errors);
        }
        action.Status = wanted!.Value;
        action.CompletedAt = wanted is ActionStatus.Done or ActionStatus.Dropped ? action.CompletedAt ?? db.Now : null;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ActionStatus>.Ok(action.Status);
    }

    public async Task<List<ActionView>?> ListActionsAsync(Guid partnershipId, bool mineOnly = false, bool overdueOnly = false, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var today = Today;
        var me = db.Tenancy.UserId;
        var rows = await (from a in db.Set<ActionItem>().AsNoTracking()
                          join u in db.Users on a.OwnerUserId equals u.Id
                          join o in db.Organizations on u.OrganizationId equals o.Id
                          join m in db.Set<Meeting>() on a.MeetingId equals m.Id into meetings
                          from m in meetings.DefaultIfEmpty()
                          where a.PartnershipId == partnershipId
                          select new { a.Id, a.Title, a.OwnerUserId, u.DisplayName, OrganizationName = o.Name, a.DueDate, a.Status, a.MeetingId, MeetingTitle = m == null ? null : m.Title })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ActionView(r.Id, r.Title, r.OwnerUserId, r.DisplayName, r.OrganizationName, r.DueDate, r.Status, r.MeetingId, r.MeetingTitle,
                r.DueDate < today && r.Status is ActionStatus.Open or ActionStatus.InProgress))
            .Where(a => !mineOnly || a.OwnerUserId == me)
            .Where(a => !overdueOnly || a.Overdue)
            .OrderBy(a => a.Status is ActionStatus.Done or ActionStatus.Dropped).ThenBy(a => a.DueDate)
            .ToList();
    }

    /// <summary>The current person's open action items across all their partnerships.</summary>
    public async Task<List<MyAction>> MyOpenActionsAsync(CancellationToken cancellationToken = default)
    {
        var me = db.Tenancy.UserId;
        var today = Today;
        var rows = await (from a in db.Set<ActionItem>().AsNoTracking()
                          join p in db.Partnerships on a.PartnershipId equals p.Id
                          join u in db.Users on a.OwnerUserId equals u.Id
                          join o in db.Organizations on u.OrganizationId equals o.Id
                          where a.OwnerUserId == me && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
                          select new { a.PartnershipId, PartnershipName = p.Name, a.Id, a.Title, u.DisplayName, OrganizationName = o.Name, a.DueDate, a.Status, a.MeetingId })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DueDate)
            .Select(r => new MyAction(r.PartnershipId, r.PartnershipName,
                new ActionView(r.Id, r.Title, me!.Value, r.DisplayName, r.OrganizationName, r.DueDate, r.Status, r.MeetingId, null, r.DueDate < today)))
            .ToList();
    }

    private async Task<List<MeetingSummary>> SummariesAsync(Guid partnershipId, Guid? only, CancellationToken cancellationToken)
    {
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnershipId && (only == null || m.Id == only))
            .Select(m => new { m.Id, m.Title, m.Date, m.Format, m.SeriesId }).ToListAsync(cancellationToken);
        var attendance = await (from a in db.Set<MeetingAttendance>().AsNoTracking()
                                join mem in db.Memberships on new { a.UserId, a.PartnershipId } equals new { mem.UserId, mem.PartnershipId }
                                join u in db.Users on a.UserId equals u.Id
                                join o in db.Organizations on u.OrganizationId equals o.Id
                                where a.PartnershipId == partnershipId && (only == null || a.MeetingId == only)
                                select new { a.MeetingId, OrganizationName = o.Name, mem.Level })
            .ToListAsync(cancellationToken);
        return meetings.OrderByDescending(m => m.Date).Select(m =>
        {
            var here = attendance.Where(a => a.MeetingId == m.Id).ToList();
            return new MeetingSummary(m.Id, m.Title, m.Date, m.Format, m.SeriesId, here.Count,
                here.GroupBy(a => (a.OrganizationName, a.Level)).OrderBy(g => g.Key.OrganizationName, StringComparer.Ordinal).ThenBy(g => g.Key.Level)
                    .Select(g => new AttendanceCount(g.Key.OrganizationName, g.Key.Level, g.Count())).ToList());
        }).ToList();
    }

    private sealed record MeetingFields(string Title, DateOnly Date, MeetingFormat Format, Guid? SeriesId, string Agenda, string? Minutes,
        string? Successes, string? Disappointments, IReadOnlyList<Guid>? Attendees);

    private async Task<MeetingFields> ValidateAsync(Validation check, Guid partnershipId, MeetingInput input, CancellationToken cancellationToken)
    {
        var title = check.Text("title", "a title", input.Title, Meeting.TitleMax);
        var date = check.Date("date", "the date", input.Date) ?? default;
        var format = check.Choice<MeetingFormat>("format", "how the partners met", input.Format);
        var agenda = check.Prose("agenda", "the agenda", input.Agenda, Meeting.TextMax);
        var minutes = input.Minutes is null ? null : check.Prose("minutes", "the minutes", input.Minutes, Meeting.TextMax);
        var successes = input.Successes is null ? null : check.Prose("successes", "the successes", input.Successes, Meeting.NoteMax);
        var disappointments = input.Disappointments is null ? null : check.Prose("disappointments", "the disappointments", input.Disappointments, Meeting.NoteMax);
        Guid? seriesId = null;
        if (!string.IsNullOrWhiteSpace(input.SeriesId))
        {
            if (Guid.TryParse(input.SeriesId, out var parsed) && await db.Set<MeetingSeries>().AnyAsync(s => s.Id == parsed && s.PartnershipId == partnershipId, cancellationToken))
            {
                seriesId = parsed;
            }
            else
            {
                check.Add("seriesId", "There is no such meeting series in this partnership.");
            }
        }
        List<Guid>? attendees = null;
        if (input.Attendees is not null)
        {
            var members = await db.Memberships.Where(m => m.PartnershipId == partnershipId).Select(m => m.UserId).ToListAsync(cancellationToken);
            attendees = [];
            foreach (var text in input.Attendees.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct())
            {
                if (Guid.TryParse(text, out var id) && members.Contains(id))
                {
                    attendees.Add(id);
                }
                else
                {
                    check.Add("attendees", "Attendance lists only members of the partnership.");
                    break;
                }
            }
        }
        return new MeetingFields(title, date, format ?? MeetingFormat.FaceToFace, seriesId, agenda, minutes, successes, disappointments, attendees);
    }

    private void Apply(Meeting meeting, MeetingFields fields, Guid partnershipId)
    {
        meeting.Agenda = fields.Agenda;
        meeting.Minutes = fields.Minutes ?? meeting.Minutes;
        meeting.Successes = fields.Successes ?? meeting.Successes;
        meeting.Disappointments = fields.Disappointments ?? meeting.Disappointments;
        if (fields.Attendees is { } attendees)
        {
            foreach (var gone in meeting.Attendance.Where(a => !attendees.Contains(a.UserId)).ToList())
            {
                meeting.Attendance.Remove(gone);
                db.Set<MeetingAttendance>().Remove(gone);
            }
            // Added through the set, not the collection: a new row with its key already set, found only
            // through a tracked parent's collection, would be taken for an existing row and updated.
            foreach (var added in attendees.Where(id => meeting.Attendance.All(a => a.UserId != id)).ToList())
            {
                db.Set<MeetingAttendance>().Add(new MeetingAttendance { PartnershipId = partnershipId, MeetingId = meeting.Id, UserId = added });
            }
        }
    }
}
