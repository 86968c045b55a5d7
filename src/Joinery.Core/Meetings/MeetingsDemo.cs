using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Meetings;

/// <summary>
/// Step 3: a fortnightly joint meeting, four meetings held (the first face to face, at every level),
/// action items; the series set up, the meetings and actions recorded by the steward who runs them.
/// </summary>
public sealed class MeetingsDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<MeetingSeries>().AnyAsync(s => s.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Priya champions the integrated care program and may schedule joint meetings.
        var priya = U(2);

        var series = await act.AsAsync(priya, now.AddDays(-45), s => s.GetRequiredService<MeetingsWork>().CreateSeriesAsync(id,
            new SeriesInput("Joint planning meeting", Cadence.EveryTwoWeeks.ToText(), Day(today.AddDays(-42)), "08:30", "60", MeetingFormat.Hybrid.ToText()),
            cancellationToken), cancellationToken);
        var plans = new (int DaysAgo, MeetingFormat Format, int[] People, string Minutes, string Wins, string Disappointments)[]
        {
            (42, MeetingFormat.FaceToFace, [0, 2, 4, 5, 6, 8, 10, 11],
                "## Kick-off at Eastside\n\n- Walked through both clinics together.\n- Agreed to record the partnership in Joinery.\n- Frontline staff asked for a shared word list.",
                "Everyone came, including the front desk.", "Parking at Eastside made three people late."),
            (28, MeetingFormat.Hybrid, [2, 3, 8, 9, 10],
                "## Mission draft\n\n1. Read version 1 together.\n2. Jamal and Sam will gather comments from their huddles.\n3. Each partner writes the results it expects, separately, within two weeks.",
                "Frontline comments arrived before the meeting.", ""),
            (14, MeetingFormat.Virtual, [2, 8, 9],
                "## Glossary\n\n- Loaded the starter crosswalk.\n- *Case management* stays disputed until the billing leads meet.",
                "", "Only managers attended; executives sent apologies."),
            (0, MeetingFormat.Hybrid, [1, 2, 4, 7, 8, 10],
                "## Expectations\n\n- Both lists were submitted and paired; the agreed expectations now have their measures.\n- Next: take them to both boards with the MOU draft.",
                "The mission was read aloud at both all-staff meetings.", ""),
        };
        Guid? first = null;
        var held = new Dictionary<int, Guid>();
        foreach (var plan in plans)
        {
            var input = new MeetingInput("Joint planning meeting", Day(today.AddDays(-plan.DaysAgo)), plan.Format.ToText(), series.ToString(),
                "1. Updates from each partner\n2. Successes and disappointments\n3. Next steps", plan.Minutes, plan.Wins, plan.Disappointments,
                plan.People.Select(i => U(i).Id.ToString()).ToList());
            var meeting = await act.AsAsync(priya, now.AddDays(-plan.DaysAgo), s => s.GetRequiredService<MeetingsWork>().CreateMeetingAsync(id, input, cancellationToken),
                cancellationToken);
            first ??= meeting;
            held[plan.DaysAgo] = meeting;
        }

        Task<Guid> Action(DateTimeOffset at, string title, User owner, DateOnly due, Guid? meeting) =>
            act.AsAsync(priya, at, s => s.GetRequiredService<MeetingsWork>().AddActionAsync(id, new ActionInput(title, owner.Id.ToString(), Day(due), meeting?.ToString()),
                cancellationToken), cancellationToken);
        Task<ActionStatus> SetStatus(User owner, DateTimeOffset at, Guid action, ActionStatus status) =>
            act.AsAsync(owner, at, s => s.GetRequiredService<MeetingsWork>().SetActionStatusAsync(id, action, status.ToText(), cancellationToken), cancellationToken);
        var room = await Action(now.AddDays(-42), "Book a room at Riverbend for the next face-to-face meeting", U(2), today.AddDays(-20), first);
        await SetStatus(U(2), now.AddDays(-25), room, ActionStatus.Done);
        await Action(now.AddDays(-14), "Ask both billing leads to meet about 'case management'", U(9), today.AddDays(-7), first);
        // Agreed at the mission meeting; done when each partner submitted its list (the expectations demo submits them 16 and 14 days ago).
        var eastside = await Action(now.AddDays(-28), "Write Eastside's expected results for the partnership", U(8), today.AddDays(-14), held[28]);
        var riverbend = await Action(now.AddDays(-28), "Write Riverbend's expected results for the partnership", U(2), today.AddDays(-14), held[28]);
        await SetStatus(U(2), now.AddDays(-20), riverbend, ActionStatus.InProgress);
        await SetStatus(U(2), now.AddDays(-16), riverbend, ActionStatus.Done);
        await SetStatus(U(8), now.AddDays(-14), eastside, ActionStatus.Done);
        var boards = await Action(now, "Take the agreed expectations to both boards with the MOU draft", U(2), today.AddDays(14), held[0]);
        await SetStatus(U(2), now, boards, ActionStatus.InProgress);
    }
}
