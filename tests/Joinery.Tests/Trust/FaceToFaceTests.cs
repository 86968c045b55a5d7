using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;

namespace Joinery.Tests.Trust;

public sealed class FaceToFaceTests
{
    private static readonly Guid Riverbend = Guid.NewGuid();
    private static readonly Guid Eastside = Guid.NewGuid();
    private static readonly List<(Guid, string)> Partners = [(Riverbend, "Riverbend"), (Eastside, "Eastside")];
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static (ContactMeeting, List<ContactAttendee>) Meeting(int daysAgo, MeetingFormat format, int? minutes, params (Guid Org, MemberLevel Level)[] people)
    {
        var meeting = new ContactMeeting(Guid.NewGuid(), Today.AddDays(-daysAgo), format, minutes);
        return (meeting, people.Select(p => new ContactAttendee(meeting.Id, p.Org, p.Level)).ToList());
    }

    private static FaceToFaceView Compute(ContactPeriod by, params (ContactMeeting Meeting, List<ContactAttendee> People)[] meetings) =>
        FaceToFace.Compute(meetings.Select(m => m.Meeting).ToList(), meetings.SelectMany(m => m.People).ToList(), Partners, Today, by);

    [Fact]
    public void Managers_or_frontline_staff_of_two_partners_in_the_room_are_cross_partner_contact_below_executive_level()
    {
        var view = Compute(ContactPeriod.Month,
            Meeting(10, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Executive), (Eastside, MemberLevel.Executive)),
            Meeting(20, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Eastside, MemberLevel.Frontline)),
            Meeting(5, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Riverbend, MemberLevel.Frontline), (Eastside, MemberLevel.Executive)));

        view.LastCrossPartnerBelowExecutive.ShouldBe(Today.AddDays(-20), "executives alone, or one partner's staff with the other's executive, are not contact below executive level");
        view.DaysSinceCrossPartnerBelowExecutive.ShouldBe(20);
        view.ContactLapsed.ShouldBeFalse();
        view.AcrossPartners.Select(a => (a.Level, a.Meetings)).ShouldBe([(MemberLevel.Executive, 1), (MemberLevel.Manager, 0), (MemberLevel.Frontline, 0)]);
    }

    [Fact]
    public void Virtual_meetings_and_meetings_still_to_come_are_not_time_in_person_but_hybrid_ones_are()
    {
        var view = Compute(ContactPeriod.Month,
            Meeting(3, MeetingFormat.Virtual, 60, (Riverbend, MemberLevel.Frontline), (Eastside, MemberLevel.Frontline)),
            Meeting(-7, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Frontline), (Eastside, MemberLevel.Frontline)),
            Meeting(40, MeetingFormat.Hybrid, 90, (Riverbend, MemberLevel.Frontline), (Eastside, MemberLevel.Frontline)));

        view.InPersonMeetings.ShouldBe(1);
        view.VirtualMeetings.ShouldBe(1);
        view.LastInPerson.ShouldBe(Today.AddDays(-40));
        view.AcrossPartners.Single(a => a.Level == MemberLevel.Frontline).Meetings.ShouldBe(1);
    }

    [Fact]
    public void Each_partners_time_by_level_counts_meetings_attendances_and_hours_where_the_length_is_known()
    {
        var view = Compute(ContactPeriod.Month,
            Meeting(10, MeetingFormat.FaceToFace, 90, (Riverbend, MemberLevel.Frontline), (Riverbend, MemberLevel.Frontline), (Eastside, MemberLevel.Manager)),
            Meeting(30, MeetingFormat.FaceToFace, null, (Riverbend, MemberLevel.Frontline)));

        var frontline = view.ByPartner.Single(p => p.OrganizationId == Riverbend).Levels.Single(l => l.Level == MemberLevel.Frontline);
        (frontline.Meetings, frontline.Attendances, frontline.PersonHours, frontline.Last).ShouldBe((2, 3, 3.0, Today.AddDays(-10)));
        view.ByPartner.Single(p => p.OrganizationId == Eastside).Levels.Single(l => l.Level == MemberLevel.Executive).Last.ShouldBeNull();
        view.InPersonWithoutLength.ShouldBe(1);
    }

    [Fact]
    public void No_contact_below_executive_level_for_more_than_sixty_days_has_lapsed()
    {
        Compute(ContactPeriod.Month, Meeting(61, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Eastside, MemberLevel.Manager)))
            .ContactLapsed.ShouldBeTrue();
        Compute(ContactPeriod.Month, Meeting(60, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Eastside, MemberLevel.Manager)))
            .ContactLapsed.ShouldBeFalse();
        var never = Compute(ContactPeriod.Month);
        never.ContactLapsed.ShouldBeTrue();
        never.LastCrossPartnerBelowExecutive.ShouldBeNull();
    }

    [Fact]
    public void Over_time_shows_the_last_twelve_months_or_eight_quarters_with_the_meetings_in_each()
    {
        var meetings = new[]
        {
            Meeting(0, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Eastside, MemberLevel.Frontline)),
            Meeting(20, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Executive)),
            Meeting(400, MeetingFormat.FaceToFace, 60, (Riverbend, MemberLevel.Manager), (Eastside, MemberLevel.Manager)),
        };

        var months = Compute(ContactPeriod.Month, meetings).OverTime;
        var quarters = Compute(ContactPeriod.Quarter, meetings).OverTime;

        months.Count.ShouldBe(12);
        (months[0].Label, months[^1].Label).ShouldBe(("2025-06", "2026-05"));
        (months[^1].InPersonMeetings, months[^1].CrossPartnerBelowExecutive, months[^1].Manager, months[^1].Frontline).ShouldBe((1, 1, 1, 1));
        (months[^2].InPersonMeetings, months[^2].Executive, months[^2].CrossPartnerBelowExecutive).ShouldBe((1, 1, 0));
        months.Sum(m => m.InPersonMeetings).ShouldBe(2, "the meeting 400 days ago is older than a year");
        quarters.Select(q => q.Label).ShouldBe(["2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1", "2026 Q2"]);
        quarters.Sum(q => q.InPersonMeetings).ShouldBe(3);
        (quarters[^1].From, quarters[^1].To).ShouldBe((new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)));
    }
}
