using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Decisions;

/// <summary>Step 4: one decision agreed by both, one fixed by regulation waiting for sign-off, and both partners' contributions.</summary>
public sealed class DecisionsDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<Decision>().AnyAsync(d => d.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var firstMeeting = await db.Set<Meeting>().Where(m => m.PartnershipId == partnershipId).OrderBy(m => m.Date).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var space = new Decision
        {
            PartnershipId = partnershipId,
            Title = "Where the behavioral health consultant sits",
            MeetingId = firstMeeting,
            Problem = "The consultant needs to be within a few steps of the exam rooms for warm handoffs, but Eastside has no free office.",
            Options = "1. Share the nurse station.\n2. Convert the supply room.\n3. Use a mobile cart and any free exam room.",
            Negotiability = Negotiability.Negotiable,
            Compromise = "Convert half of the supply room; Riverbend pays for the shelving and the network drop.",
            Status = DecisionStatus.Agreed,
            CreatedAt = db.Now.AddDays(-40),
            UpdatedAt = db.Now.AddDays(-30),
        };
        var consent = new Decision
        {
            PartnershipId = partnershipId,
            Title = "Sharing substance use treatment notes in the shared record",
            Problem = "Eastside clinicians want to see Riverbend's substance use counseling notes in the shared care plan.",
            Options = "1. Share everything under a single consent.\n2. Keep counseling notes out of the shared record; share a summary with Part 2 consent.",
            Negotiability = Negotiability.FixedByRegulation,
            Citation = "42 CFR Part 2 (2024 final rule), §2.31 consent requirements",
            Compromise = "Counseling notes stay in Riverbend's record; a summary is shared when the person signs a Part 2 consent.",
            Status = DecisionStatus.Proposed,
            CreatedAt = db.Now.AddDays(-12),
            UpdatedAt = db.Now.AddDays(-10),
        };
        db.Set<Decision>().AddRange(space, consent);
        db.Set<DecisionPosition>().AddRange(
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(0).OrganizationId, Position = "Any option works if the consultant can hear the clinic.", UpdatedByUserId = U(2).Id, UpdatedAt = db.Now.AddDays(-38) },
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(6).OrganizationId, Position = "We can give up half of the supply room if the shelving is paid for.", UpdatedByUserId = U(8).Id, UpdatedAt = db.Now.AddDays(-37) },
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = consent.Id, OrganizationId = U(0).OrganizationId, Position = "We cannot share counseling notes without a Part 2 consent; a summary is fine.", UpdatedByUserId = U(1).Id, UpdatedAt = db.Now.AddDays(-11) });
        db.Set<DecisionSignOff>().AddRange(
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(0).OrganizationId, UserId = U(0).Id, Version = 1, SignedAt = db.Now.AddDays(-31) },
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(6).OrganizationId, UserId = U(6).Id, Version = 1, SignedAt = db.Now.AddDays(-30) },
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = consent.Id, OrganizationId = U(0).OrganizationId, UserId = U(1).Id, Version = 1, SignedAt = db.Now.AddDays(-10) });
        var year = DateOnly.FromDateTime(db.Now.UtcDateTime);
        db.Set<Contribution>().AddRange(
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(0).OrganizationId,
                Kind = ContributionKind.StaffFte,
                Description = "Behavioral health consultant on site two days a week",
                Value = 38_000m,
                Fte = 0.4m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(2).Id,
                RecordedAt = db.Now.AddDays(-20)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(0).OrganizationId,
                Kind = ContributionKind.Equipment,
                Description = "Shelving and network drop for the consultant's room",
                Value = 4_500m,
                RecordedByUserId = U(2).Id,
                RecordedAt = db.Now.AddDays(-20)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(6).OrganizationId,
                Kind = ContributionKind.Space,
                Description = "Half of the supply room, converted to a consultation office",
                Value = 9_600m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(8).Id,
                RecordedAt = db.Now.AddDays(-19)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(6).OrganizationId,
                Kind = ContributionKind.StaffFte,
                Description = "Nurse care manager time for shared patients",
                Value = 21_000m,
                Fte = 0.25m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(8).Id,
                RecordedAt = db.Now.AddDays(-19)
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
