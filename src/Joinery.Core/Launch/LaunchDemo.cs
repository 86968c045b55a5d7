using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Mission;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Launch;

/// <summary>
/// Prepare and Operate: a start date three weeks ahead; the standard checklist, partly done, with
/// owners; a training roster with two courses still open; referral sources partly told; Riverbend's
/// executive has said go, Eastside's has not decided yet; the natural milestones, the first
/// meeting and the mission achieved from the records, and the mission's endorsement celebrated.
/// </summary>
public sealed class LaunchDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<LaunchPlan>().AnyAsync(l => l.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        db.Set<LaunchPlan>().Add(new LaunchPlan
        {
            PartnershipId = partnershipId,
            StartDate = today.AddDays(21),
            PilotMonths = LaunchPlan.DefaultPilotMonths,
            ChecklistChangedAt = db.Now.AddDays(-3),
            UpdatedAt = db.Now.AddDays(-10),
        });
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
        var n = 0;
        foreach (var standard in LaunchWork.StandardItems)
        {
            var (owner, due, done) = plan[standard.Code];
            db.Set<ChecklistItem>().Add(new ChecklistItem
            {
                PartnershipId = partnershipId,
                Code = standard.Code,
                Area = standard.Area,
                Title = standard.Title,
                OwnerUserId = U(owner).Id,
                DueOn = today.AddDays(due),
                DoneOn = done is { } d ? today.AddDays(-d) : null,
                CreatedAt = db.Now.AddDays(-20).AddMinutes(++n),
                UpdatedAt = db.Now.AddDays(-3),
            });
        }
        TrainingRecord Course(Guid? member, string staff, string course, int dueInDays, int? completedDaysAgo) => new()
        {
            PartnershipId = partnershipId,
            MemberUserId = member,
            StaffName = staff,
            Course = course,
            DueOn = today.AddDays(dueInDays),
            CompletedOn = completedDaysAgo is { } c ? today.AddDays(-c) : null,
            CreatedAt = db.Now.AddDays(-18).AddMinutes(++n),
            UpdatedAt = db.Now.AddDays(-3),
        };
        db.Set<TrainingRecord>().AddRange(
            Course(U(4).Id, "", "Warm handoffs in primary care", -2, 5),
            Course(U(10).Id, "", "Depression screening with the PHQ-9", -4, 8),
            Course(U(5).Id, "", "The crisis workflow", 14, null),
            Course(null, "Eastside front desk team", "Screening at check-in", 10, null));
        ReferralSource Source(string name, SourceKind kind, ReferralChannel channel, int? toldDaysAgo) => new()
        {
            PartnershipId = partnershipId,
            Name = name,
            Kind = kind,
            Channel = channel,
            ToldOn = toldDaysAgo is { } t ? today.AddDays(-t) : null,
            CreatedAt = db.Now.AddDays(-15).AddMinutes(++n),
            UpdatedAt = db.Now.AddDays(-5),
        };
        db.Set<ReferralSource>().AddRange(
            Source("Eastside physicians and nurses", SourceKind.Internal, ReferralChannel.Meeting, 6),
            Source("Riverbend intake team", SourceKind.Internal, ReferralChannel.Email, 5),
            Source("County crisis line", SourceKind.External, ReferralChannel.Phone, null),
            Source("Valley school counselors", SourceKind.External, ReferralChannel.Letter, null));
        db.Set<GoDecision>().Add(new GoDecision
        {
            PartnershipId = partnershipId,
            OrganizationId = U(0).OrganizationId,
            UserId = U(0).Id,
            Go = true,
            Note = "Go from Riverbend, on condition that the crisis workflow is signed off before the start date.",
            DecidedAt = db.Now.AddDays(-1),
        });
        var milestones = MilestonesWork.Natural.Select((natural, i) => new Milestone
        {
            PartnershipId = partnershipId,
            Code = natural.Code,
            Title = natural.Title,
            PlannedOn = natural.Code == "mou-signed" ? today.AddDays(7) : null,
            CreatedAt = db.Now.AddDays(-12).AddMinutes(i),
            UpdatedAt = db.Now.AddDays(-12),
        }).ToList();
        db.Set<Milestone>().AddRange(milestones);
        var published = await db.Set<MissionVersion>().Where(v => v.PartnershipId == partnershipId && v.PublishedAt != null)
            .Select(v => v.PublishedAt).ToListAsync(cancellationToken);
        if (published.Min() is { } endorsed)
        {
            db.Set<Celebration>().Add(new Celebration
            {
                PartnershipId = partnershipId,
                MilestoneId = milestones.Single(m => m.Code == "mission-endorsed").Id,
                CelebratedOn = DateOnly.FromDateTime(endorsed.UtcDateTime).AddDays(2),
                How = "Both executives read the mission aloud at the joint meeting; cake for everyone in the Eastside break room.",
                Thanked = "The drafting group from both partners, and the frontline staff who commented on every draft.",
                RecordedByUserId = U(2).Id,
                RecordedAt = endorsed.AddDays(2),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
