using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Meetings;

/// <summary>
/// The Plan gate's "teams have met face to face": a face-to-face or hybrid meeting attended by
/// managers or frontline staff of every partner. Step 3: meetings held, and held on cadence.
/// </summary>
public sealed class MeetingsProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Code = "teams-met";
        const string Text = "The teams who will deliver the service have met face to face";
        var today = partnership.Today;
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnership.Id && m.Date <= today)
            .Select(m => new { m.Id, m.Date, m.Format, m.SeriesId }).ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return RoadmapPart.Of(new GateCriterion(Phase.Plan, 50, "/meetings", Criterion.NotStarted(Code, Text, "No meeting recorded yet.")));
        }
        var inPerson = meetings.Where(m => m.Format != MeetingFormat.Virtual).Select(m => m.Id).ToList();
        var attendance = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.PartnershipId == partnership.Id && inPerson.Contains(a.MeetingId))
            .Select(a => new { a.MeetingId, a.UserId }).ToListAsync(cancellationToken);
        var teams = attendance.Join(partnership.Members.Where(m => m.Level != MemberLevel.Executive), a => a.UserId, m => m.UserId,
            (a, m) => new { a.MeetingId, m.OrganizationId });
        var met = teams.GroupBy(t => t.MeetingId).Where(g => partnership.Partners.All(p => g.Any(t => t.OrganizationId == p.Id)))
            .MinBy(g => meetings.First(m => m.Id == g.Key).Date);
        var gate = met is not null
            ? new Criterion(Code, Text, CriterionStatus.Met, $"Managers and frontline staff of every partner met on {ShownDates.Of(meetings.First(m => m.Id == met.Key).Date)}.")
            : new Criterion(Code, Text, CriterionStatus.NotMet, "No face-to-face meeting yet with managers or frontline staff of every partner.");

        var series = await db.Set<MeetingSeries>().AsNoTracking().Where(s => s.PartnershipId == partnership.Id).ToListAsync(cancellationToken);
        var last = meetings.Max(m => m.Date);
        var onCadence = series.Any(s => today.DayNumber - last.DayNumber <= MeetingsWork.CadenceDays(s.Cadence) * 3 / 2);
        var evidence = $"{Counting.Of(meetings.Count, "meeting")} held, the last on {ShownDates.Of(last)}" + (series.Count == 0 ? "; no regular meeting series yet." : onCadence ? "; on cadence." : "; the cadence has lapsed.");
        return new RoadmapPart([new GateCriterion(Phase.Plan, 50, "/meetings", gate)],
            [new StepPart(3, series.Count > 0 && onCadence ? StepStatus.Done : StepStatus.InProgress, evidence)]);
    }
}

/// <summary>A meeting cadence slipping, a partner missing the joint meetings or its executives absent, action items overdue.</summary>
public sealed class MeetingsSignals(JoineryDb db) : IHealthContribution
{
    public static readonly Threshold CadenceSlackPercent = new("CadenceSlackPercent", "Gap between joint meetings that counts as slipping (% of the cadence)", 150, 100, 500);
    public static readonly Threshold AttendancePercent = new("AttendancePercent", "Lowest share of recent meetings a partner should attend (%)", 50, 1, 100);
    public static readonly Threshold RecentMeetings = new("RecentMeetings", "Meetings counted as recent", 3, 2, 12);

    public IReadOnlyList<Threshold> Thresholds => [CadenceSlackPercent, AttendancePercent, RecentMeetings];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var series = await db.Set<MeetingSeries>().AsNoTracking().Where(s => s.PartnershipId == partnership.Id).ToListAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnership.Id && m.Date <= partnership.Today)
            .OrderByDescending(m => m.Date).Select(m => new { m.Id, m.Title, m.Date, m.SeriesId }).ToListAsync(cancellationToken);
        foreach (var s in series.Where(s => s.FirstDate <= partnership.Today))
        {
            var last = meetings.Where(m => m.SeriesId == s.Id).Select(m => (DateOnly?)m.Date).FirstOrDefault() ?? s.FirstDate;
            var allowed = MeetingsWork.CadenceDays(s.Cadence) * thresholds[CadenceSlackPercent] / 100;
            var gap = partnership.Today.DayNumber - last.DayNumber;
            if (gap > allowed)
            {
                signals.Add(new("cadence-lapsed", Severity.Warning, 3,
                    $"“{s.Title}” meets {s.Cadence.LowerWords()}, but the last meeting was {HealthText.Days(gap)} ago.",
                    [new Evidence("meeting-series", s.Id, s.Title)], partnership.Path + "/meetings"));
            }
        }

        // Only meetings whose attendance is recorded count: a meeting just scheduled, held today or not yet
        // written up has nobody marked present, and would otherwise read as every partner missing it.
        var ids = meetings.Select(m => m.Id).ToList();
        var attendance = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.PartnershipId == partnership.Id && ids.Contains(a.MeetingId))
            .Select(a => new { a.MeetingId, a.UserId }).ToListAsync(cancellationToken);
        var recorded = attendance.Select(a => a.MeetingId).ToHashSet();
        var recent = meetings.Where(m => recorded.Contains(m.Id)).Take(thresholds[RecentMeetings]).ToList();
        if (recent.Count >= thresholds[RecentMeetings])
        {
            var byUser = partnership.Members.ToDictionary(m => m.UserId);
            foreach (var partner in partnership.Partners)
            {
                var present = recent.Count(m => attendance.Any(a => a.MeetingId == m.Id && byUser.TryGetValue(a.UserId, out var who) && who.OrganizationId == partner.Id));
                if (100 * present / recent.Count < thresholds[AttendancePercent])
                {
                    signals.Add(new("attendance-falling", Severity.Warning, 3,
                        $"{partner.Name} attended {present} of the last {recent.Count} joint meetings.",
                        recent.Select(m => new Evidence("meeting", m.Id, $"{ShownDates.Of(m.Date)} {m.Title}")).ToList(), partnership.Path + "/meetings"));
                }
                else if (!recent.Any(m => attendance.Any(a => a.MeetingId == m.Id && byUser.TryGetValue(a.UserId, out var who)
                    && who.OrganizationId == partner.Id && who.Level == MemberLevel.Executive)))
                {
                    signals.Add(new("executives-absent", Severity.Warning, 6,
                        $"No executive of {partner.Name} attended any of the last {recent.Count} joint meetings.",
                        [new Evidence("organization", partner.Id, partner.Name)], partnership.Path + "/meetings"));
                }
            }
        }

        var overdue = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.PartnershipId == partnership.Id && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueDate < partnership.Today)
            .OrderBy(a => a.DueDate).Select(a => new { a.Id, a.Title, a.DueDate }).ToListAsync(cancellationToken);
        if (overdue.Count > 0)
        {
            signals.Add(new("actions-overdue", overdue.Count >= 5 ? Severity.Warning : Severity.Info, 3,
                $"{Counting.Of(overdue.Count, "action item")} {Counting.Verb(overdue.Count, "is", "are")} overdue; the oldest was due {ShownDates.Of(overdue[0].DueDate)}.",
                overdue.Select(a => new Evidence("action-item", a.Id, a.Title)).ToList(), partnership.Path + "/actions"));
        }
        return signals;
    }
}
