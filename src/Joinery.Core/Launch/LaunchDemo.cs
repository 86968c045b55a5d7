using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Launch;

/// <summary>
/// Prepare and Operate: a start date three weeks ahead; the standard checklist, partly done, with
/// owners; a training roster with two courses still open; referral sources partly told; Riverbend's
/// executive has said go, Eastside's has not decided yet; the natural milestones, the first
/// meeting and the mission achieved from the records, and the mission's endorsement celebrated.
/// Every step goes through the use cases, as the person who would take it, on the day they would.
/// </summary>
public sealed class LaunchDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<LaunchPlan>().AnyAsync(l => l.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? DaysAgo(int? daysAgo) => daysAgo is { } d ? Day(-d) : null;
        var priya = U(2);

        // Priya loads the standard checklist and gives each item an owner and a due date; each owner
        // (or Priya, for an owner who only reads) marks their item done on the day it was done (below).
        await act.AsAsync(priya, now.AddDays(-20), s => s.GetRequiredService<LaunchWork>().AddStarterSetAsync(id, cancellationToken), cancellationToken);
        var items = await db.Set<ChecklistItem>().AsNoTracking().Where(i => i.PartnershipId == id).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var plan = new Dictionary<string, (int Owner, int DueInDays, int? DoneDaysAgo)>
        {
            ["equipment"] = (9, -5, 6),
            ["space"] = (6, -10, 12),
            ["record-access"] = (3, 7, null),
            ["workflow-screening"] = (10, -3, 4),
            ["workflow-referral"] = (2, -1, 3),
            ["workflow-warm-handoff"] = (4, 10, null),
            ["workflow-crisis"] = (5, 14, null),
            ["staff-training"] = (8, 18, null),
            ["announcement"] = (2, 18, null),
        };
        Task<Guid> Item(User person, DateTimeOffset at, string code, int? doneDaysAgo)
        {
            var (owner, due, _) = plan[code];
            var input = new ChecklistItemInput(null, null, U(owner).Id.ToString(), Day(due), DaysAgo(doneDaysAgo));
            return act.AsAsync(person, at, s => s.GetRequiredService<LaunchWork>().SaveItemAsync(id, items[code], input, cancellationToken), cancellationToken);
        }
        var n = 0;
        foreach (var standard in LaunchWork.StandardItems)
        {
            await Item(priya, now.AddDays(-20).AddMinutes(++n), standard.Code, null);
        }

        // Priya keeps the training roster; each member marks their own course complete.
        Task<Guid> Course(User person, DateTimeOffset at, Guid? record, TrainingInput input) =>
            act.AsAsync(person, at, s => s.GetRequiredService<LaunchWork>().SaveTrainingAsync(id, record, input, cancellationToken), cancellationToken);
        var courses = new (int? Member, string Staff, string Course, int DueInDays, int? CompletedDaysAgo)[]
        {
            (4, "", "Warm handoffs in primary care", -2, 5),
            (10, "", "Depression screening with the PHQ-9", -4, 8),
            (5, "", "The crisis workflow", 14, null),
            (null, "Eastside front desk team", "Screening at check-in", 10, null),
        };
        var added = new List<Guid>();
        foreach (var c in courses)
        {
            added.Add(await Course(priya, now.AddDays(-18).AddMinutes(++n), null,
                new TrainingInput(c.Member is { } m ? U(m).Id.ToString() : null, c.Staff, c.Course, Day(c.DueInDays), null)));
        }
        foreach (var (c, record) in courses.Zip(added).Where(c => c.First.CompletedDaysAgo is not null).OrderByDescending(c => c.First.CompletedDaysAgo))
        {
            await Course(U(c.Member!.Value), now.AddDays(-c.CompletedDaysAgo!.Value), record, new TrainingInput(null, null, null, Day(c.DueInDays), DaysAgo(c.CompletedDaysAgo)));
        }

        // The referral sources, listed by Priya and ticked off by whoever told them.
        Task<Guid> Source(User person, DateTimeOffset at, Guid? source, ReferralSourceInput input) =>
            act.AsAsync(person, at, s => s.GetRequiredService<LaunchWork>().SaveSourceAsync(id, source, input, cancellationToken), cancellationToken);
        var eastsideStaff = await Source(priya, now.AddDays(-15).AddMinutes(++n), null, new("Eastside physicians and nurses", "internal", "meeting", null));
        var intakeTeam = await Source(priya, now.AddDays(-15).AddMinutes(++n), null, new("Riverbend intake team", "internal", "email", null));
        await Source(priya, now.AddDays(-15).AddMinutes(++n), null, new("County crisis line", "external", "phone", null));
        await Source(priya, now.AddDays(-15).AddMinutes(++n), null, new("Valley school counselors", "external", "letter", null));
        await Source(U(7), now.AddDays(-6), eastsideStaff, new(null, null, null, Day(-6)));
        await Source(priya, now.AddDays(-5), intakeTeam, new(null, null, null, Day(-5)));

        // Marked done last, as the most recent change: the checklist last changed three days ago.
        foreach (var (code, (owner, _, done)) in plan.Where(p => p.Value.DoneDaysAgo is not null).OrderByDescending(p => p.Value.DoneDaysAgo))
        {
            var person = People[owner].Role == MemberRole.Viewer ? priya : U(owner);
            await Item(person, now.AddDays(-done!.Value), code, done);
        }

        await act.AsAsync(priya, now.AddDays(-10), s => s.GetRequiredService<LaunchWork>().ScheduleAsync(id,
            new ScheduleInput(Day(LaunchInDays), LaunchPlan.DefaultPilotMonths.ToString(CultureInfo.InvariantCulture)), cancellationToken), cancellationToken);

        // Given after the checklist's last change, so Riverbend's go counts for it as it is.
        await act.AsAsync(U(0), now.AddDays(-1), s => s.GetRequiredService<LaunchWork>().DecideAsync(id,
            new GoInput("go", "Go from Riverbend, on condition that the crisis workflow is signed off before the start date."), cancellationToken), cancellationToken);

        await act.AsAsync(priya, now.AddDays(-12), s => s.GetRequiredService<MilestonesWork>().ProposeAsync(id, cancellationToken), cancellationToken);
        var milestones = await db.Set<Milestone>().AsNoTracking().Where(m => m.PartnershipId == id).ToDictionaryAsync(m => m.Code, m => m.Id, cancellationToken);
        await act.AsAsync(priya, now.AddDays(-12), s => s.GetRequiredService<MilestonesWork>().SaveAsync(id, milestones["mou-signed"],
            new MilestoneInput(null, Day(7), null), cancellationToken), cancellationToken);
        var published = await db.Set<MissionVersion>().Where(v => v.PartnershipId == id && v.PublishedAt != null)
            .Select(v => v.PublishedAt).ToListAsync(cancellationToken);
        if (published.Min() is { } endorsed)
        {
            var on = DateOnly.FromDateTime(endorsed.UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await act.AsAsync(priya, endorsed.AddDays(2), s => s.GetRequiredService<MilestonesWork>().CelebrateAsync(id, milestones["mission-endorsed"], new CelebrationInput(on,
                "Both executives read the mission aloud at the joint meeting; cake for everyone in the Eastside break room.",
                "The drafting group from both partners, and the frontline staff who commented on every draft."), cancellationToken), cancellationToken);
        }
    }
}
