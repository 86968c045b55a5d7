using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Meetings;

/// <summary>Step 3: a fortnightly joint meeting, four meetings held (the first face to face, at every level), action items.</summary>
public sealed class MeetingsDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<MeetingSeries>().AnyAsync(s => s.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var series = new MeetingSeries
        {
            PartnershipId = partnershipId,
            Title = "Joint planning meeting",
            Cadence = Cadence.EveryTwoWeeks,
            FirstDate = today.AddDays(-42),
            StartTime = new TimeOnly(8, 30),
            DurationMinutes = 60,
            Format = MeetingFormat.Hybrid,
            CreatedAt = db.Now.AddDays(-45),
        };
        db.Set<MeetingSeries>().Add(series);
        var plans = new (int DaysAgo, MeetingFormat Format, int[] People, string Minutes, string Wins, string Disappointments)[]
        {
            (42, MeetingFormat.FaceToFace, [0, 2, 4, 5, 6, 8, 10, 11],
                "## Kick-off at Eastside\n\n- Walked through both clinics together.\n- Agreed to record the partnership in Joinery.\n- Frontline staff asked for a shared word list.",
                "Everyone came, including the front desk.", "Parking at Eastside made three people late."),
            (28, MeetingFormat.Hybrid, [2, 3, 8, 9, 10],
                "## Mission draft\n\n1. Read version 1 together.\n2. Jamal and Sam will gather comments from their huddles.",
                "Frontline comments arrived before the meeting.", ""),
            (14, MeetingFormat.Virtual, [2, 8, 9],
                "## Glossary\n\n- Loaded the starter crosswalk.\n- *Case management* stays disputed until the billing leads meet.",
                "", "Only managers attended; executives sent apologies."),
            (0, MeetingFormat.Hybrid, [1, 2, 4, 7, 8, 10],
                "## Expectations\n\nEach partner will write the results it expects, separately, before the next meeting.",
                "The mission was read aloud at both all-staff meetings.", ""),
        };
        Guid? first = null;
        foreach (var plan in plans)
        {
            var meeting = new Meeting
            {
                PartnershipId = partnershipId,
                SeriesId = series.Id,
                Title = "Joint planning meeting",
                Date = today.AddDays(-plan.DaysAgo),
                Format = plan.Format,
                Agenda = "1. Updates from each partner\n2. Successes and disappointments\n3. Next steps",
                Minutes = plan.Minutes,
                Successes = plan.Wins,
                Disappointments = plan.Disappointments,
                CreatedAt = db.Now.AddDays(-plan.DaysAgo),
            };
            meeting.Attendance.AddRange(plan.People.Select(i => new MeetingAttendance { PartnershipId = partnershipId, MeetingId = meeting.Id, UserId = U(i).Id }));
            db.Set<Meeting>().Add(meeting);
            first ??= meeting.Id;
        }
        db.Set<ActionItem>().AddRange(
            new ActionItem
            {
                PartnershipId = partnershipId,
                MeetingId = first,
                Title = "Book a room at Riverbend for the next face-to-face meeting",
                OwnerUserId = U(2).Id,
                DueDate = today.AddDays(-20),
                Status = ActionStatus.Done,
                CreatedAt = db.Now.AddDays(-42),
                CompletedAt = db.Now.AddDays(-25)
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                MeetingId = first,
                Title = "Ask both billing leads to meet about 'case management'",
                OwnerUserId = U(9).Id,
                DueDate = today.AddDays(-7),
                CreatedAt = db.Now.AddDays(-14)
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                Title = "Write Eastside's expected results for the partnership",
                OwnerUserId = U(8).Id,
                DueDate = today.AddDays(10),
                CreatedAt = db.Now
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                Title = "Write Riverbend's expected results for the partnership",
                OwnerUserId = U(2).Id,
                DueDate = today.AddDays(10),
                Status = ActionStatus.InProgress,
                CreatedAt = db.Now
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
