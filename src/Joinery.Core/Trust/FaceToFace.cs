using System.Globalization;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Trust;

/// <summary>How the time line is cut: by calendar month (the last 12) or by quarter (the last 8).</summary>
public enum ContactPeriod { Month, Quarter }

/// <summary>A meeting as face-to-face time sees it; the length is the series' when the meeting belongs to one.</summary>
public sealed record ContactMeeting(Guid Id, DateOnly Date, MeetingFormat Format, int? DurationMinutes);

/// <summary>Someone who attended: their organization and level, never who.</summary>
public sealed record ContactAttendee(Guid MeetingId, Guid OrganizationId, MemberLevel Level);

/// <summary>One partner's people at one level: in-person meetings they were at, how many attendances, the hours where the length is known, and when last.</summary>
public sealed record LevelContact(MemberLevel Level, int Meetings, int Attendances, double PersonHours, DateOnly? Last);

public sealed record PartnerContact(Guid OrganizationId, string OrganizationName, IReadOnlyList<LevelContact> Levels);

/// <summary>In-person meetings where people of this level from at least two partners were in the room.</summary>
public sealed record CrossPartnerContact(MemberLevel Level, int Meetings, DateOnly? Last);

/// <summary>One month or quarter: in-person meetings, those with cross-partner contact below executive level, attendances by level, person-hours.</summary>
public sealed record ContactPeriodRow(string Label, DateOnly From, DateOnly To, int InPersonMeetings, int CrossPartnerBelowExecutive,
    int Executive, int Manager, int Frontline, double PersonHours);

public sealed record FaceToFaceView(ContactPeriod By, int InPersonMeetings, int VirtualMeetings, int InPersonWithoutLength,
    DateOnly? LastInPerson, DateOnly? LastCrossPartnerBelowExecutive, int? DaysSinceCrossPartnerBelowExecutive, bool ContactLapsed, int RecentDays,
    IReadOnlyList<PartnerContact> ByPartner, IReadOnlyList<CrossPartnerContact> AcrossPartners, IReadOnlyList<ContactPeriodRow> OverTime);

/// <summary>
/// Face-to-face time from the meetings of step 3 (pure). Face-to-face and hybrid meetings count as
/// time in person (as the Plan gate's "teams have met face to face" does; attendance does not say
/// who was in the room at a hybrid one); virtual meetings are counted apart. Meetings after today
/// are plans, not contact, and are left out. "Cross-partner contact below executive level" is an
/// in-person meeting where managers or frontline staff of at least two partners were present:
/// the trust that executives already have is what the other levels need to build (frameworks.md §10, F5, S8).
/// </summary>
public static class FaceToFace
{
    /// <summary>Cross-partner contact below executive level is lapsing when the last was longer ago than this (frameworks.md §10.2, S8).</summary>
    public const int RecentDays = 60;

    public static bool InPerson(MeetingFormat format) => format != MeetingFormat.Virtual;

    public static FaceToFaceView Compute(IReadOnlyList<ContactMeeting> meetings, IReadOnlyList<ContactAttendee> attendees,
        IReadOnlyList<(Guid Id, string Name)> partners, DateOnly today, ContactPeriod by)
    {
        var held = meetings.Where(m => m.Date <= today).ToList();
        var inPerson = held.Where(m => InPerson(m.Format)).ToDictionary(m => m.Id);
        var partnerIds = partners.Select(p => p.Id).ToHashSet();
        var present = attendees.Where(a => inPerson.ContainsKey(a.MeetingId) && partnerIds.Contains(a.OrganizationId)).ToList();
        var byMeeting = present.ToLookup(a => a.MeetingId);

        bool CrossPartner(Guid meetingId, Func<ContactAttendee, bool> who) => byMeeting[meetingId].Where(who).Select(a => a.OrganizationId).Distinct().Count() >= 2;
        double Hours(IEnumerable<ContactAttendee> some) =>
            Math.Round(some.Sum(a => inPerson[a.MeetingId].DurationMinutes is { } minutes ? minutes / 60.0 : 0), 1);

        var belowExecutive = inPerson.Values.Where(m => CrossPartner(m.Id, a => a.Level != MemberLevel.Executive)).ToList();
        var lastBelow = belowExecutive.Select(m => (DateOnly?)m.Date).Max();

        var byPartner = partners.Select(p => new PartnerContact(p.Id, p.Name, Enum.GetValues<MemberLevel>().Select(level =>
        {
            var own = present.Where(a => a.OrganizationId == p.Id && a.Level == level).ToList();
            return new LevelContact(level, own.Select(a => a.MeetingId).Distinct().Count(), own.Count, Hours(own),
                own.Select(a => (DateOnly?)inPerson[a.MeetingId].Date).Max());
        }).ToList())).ToList();

        var across = Enum.GetValues<MemberLevel>().Select(level =>
        {
            var met = inPerson.Values.Where(m => CrossPartner(m.Id, a => a.Level == level)).ToList();
            return new CrossPartnerContact(level, met.Count, met.Select(m => (DateOnly?)m.Date).Max());
        }).ToList();

        var overTime = Periods(today, by).Select(period =>
        {
            var (label, from, to) = period;
            var within = inPerson.Values.Where(m => m.Date >= from && m.Date <= to).Select(m => m.Id).ToHashSet();
            var here = present.Where(a => within.Contains(a.MeetingId)).ToList();
            return new ContactPeriodRow(label, from, to, within.Count, belowExecutive.Count(m => within.Contains(m.Id)),
                here.Count(a => a.Level == MemberLevel.Executive), here.Count(a => a.Level == MemberLevel.Manager), here.Count(a => a.Level == MemberLevel.Frontline),
                Hours(here));
        }).ToList();

        int? daysSince = lastBelow is { } last ? today.DayNumber - last.DayNumber : null;
        return new FaceToFaceView(by, inPerson.Count, held.Count - inPerson.Count, inPerson.Values.Count(m => m.DurationMinutes is null),
            inPerson.Values.Select(m => (DateOnly?)m.Date).Max(), lastBelow, daysSince, daysSince is null or > RecentDays, RecentDays,
            byPartner, across, overTime);
    }

    /// <summary>The last 12 months or the last 8 quarters, oldest first, the current one included.</summary>
    public static IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Periods(DateOnly today, ContactPeriod by)
    {
        var result = new List<(string, DateOnly, DateOnly)>();
        if (by == ContactPeriod.Quarter)
        {
            var start = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
            for (var i = 7; i >= 0; i--)
            {
                var from = start.AddMonths(-3 * i);
                result.Add(($"{from.Year.ToString(CultureInfo.InvariantCulture)} Q{((from.Month - 1) / 3) + 1}", from, from.AddMonths(3).AddDays(-1)));
            }
            return result;
        }
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 11; i >= 0; i--)
        {
            var from = month.AddMonths(-i);
            result.Add((from.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, from.AddMonths(1).AddDays(-1)));
        }
        return result;
    }
}
