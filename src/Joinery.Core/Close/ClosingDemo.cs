using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Formalize;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Close;

/// <summary>
/// A second, smaller partnership that is closing, so the Close phase can be shown: Hillcrest joined
/// a health system with its own behavioral health staff. Two services: the consults' transition is
/// carried out; the Part 2 counseling is planned but overdue; the MOU still runs, so it cannot be
/// archived yet. Dana Whitfield is its steward, with Hillcrest's medical director.
/// </summary>
public sealed class ClosingDemo(JoineryDb db, DemoAccounts accounts, CreatePartnership createPartnership, AddMember addMember) : IDemoContribution
{
    public const string ClosingPartnershipName = "Riverbend–Hillcrest School Health Partnership";
    private const string Hillcrest = "Hillcrest Family Practice";

    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        if (await db.Partnerships.AnyAsync(p => p.Name == ClosingPartnershipName, cancellationToken))
        {
            return;
        }
        await accounts.EnsureOrganizationAsync(Hillcrest, OrganizationKind.PrimaryCare,
            "Family medicine for the children and families of the Hillcrest school district.", "Every Hillcrest family has a doctor who knows them.", cancellationToken);
        await accounts.EnsureUserAsync("nina.okoro@hillcrest.example", "Nina Okoro", Hillcrest, isSiteAdmin: false, cancellationToken);
        var created = await createPartnership.RunAsync(new PartnershipInput(ClosingPartnershipName, [Bh, Hillcrest]), cancellationToken);
        var id = created.Value;
        await addMember.RunAsync(id, new MemberInput(People[0].Email, "steward", "executive"), cancellationToken);
        await addMember.RunAsync(id, new MemberInput("nina.okoro@hillcrest.example", "steward", "executive"), cancellationToken);
        var dana = await db.Users.FirstAsync(u => u.Email == People[0].Email, cancellationToken);
        var nina = await db.Users.FirstAsync(u => u.Email == "nina.okoro@hillcrest.example", cancellationToken);
        var bh = dana.OrganizationId;
        var hillcrest = nina.OrganizationId;
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);

        var consults = NewService(id, "School-based counseling consults", "A Riverbend counselor sees children at Hillcrest's school clinic after a warm handoff.", bh, hillcrest, false);
        var counseling = NewService(id, "Adolescent substance use counseling", "Riverbend's adolescent program counsels young people Hillcrest refers.", bh, bh, true);
        db.Set<Service>().AddRange(consults, counseling);
        db.Set<Agreement>().Add(Agreement.Record(id, AgreementType.Mou,
            new AgreementTerms("Memorandum of understanding", AgreementStatus.InForce, today.AddYears(-2), today.AddMonths(4), NoticeDays: 90), db.Now.AddYears(-2)));
        db.Set<ServiceTransition>().AddRange(
            new ServiceTransition
            {
                PartnershipId = id,
                ServiceId = consults.Id,
                ContinuingOrganizationId = hillcrest,
                HowTold = "Families hear it from the counselor at the last session, then in a letter from Hillcrest with the new counselor's name.",
                RecordsKeptByOrganizationId = hillcrest,
                Records = "Consult notes are in Hillcrest's record and stay there for seven years; Riverbend keeps only its scheduling log.",
                PeopleServed = 48,
                OwnerUserId = nina.Id,
                DueOn = today.AddDays(-10),
                CareHandedOverOn = today.AddDays(-12),
                PeopleToldOn = today.AddDays(-20),
                RecordsSettledOn = today.AddDays(-11),
                CreatedAt = db.Now.AddDays(-30),
                UpdatedAt = db.Now.AddDays(-11),
            },
            new ServiceTransition
            {
                PartnershipId = id,
                ServiceId = counseling.Id,
                ContinuingOrganizationId = bh,
                HowTold = "Each young person and their family are called by their counselor; the referral letters go to Hillcrest's new behavioral health team.",
                RecordsKeptByOrganizationId = bh,
                Records = "Counseling records are Part 2 records and stay with Riverbend's program; nothing moves without the young person's written consent.",
                PeopleServed = 17,
                OwnerUserId = dana.Id,
                DueOn = today.AddDays(-3),
                PeopleToldOn = today.AddDays(-5),
                CreatedAt = db.Now.AddDays(-30),
                UpdatedAt = db.Now.AddDays(-5),
            });
        var partnership = await db.Partnerships.FirstAsync(p => p.Id == id, cancellationToken);
        partnership.Phase = Phase.Close;
        db.PhaseChanges.Add(new PhaseChange
        {
            PartnershipId = id,
            From = Phase.Operate,
            To = Phase.Close,
            ChangedByUserId = dana.Id,
            ChangedAt = db.Now.AddDays(-30),
            OverrideReason = "Hillcrest joined a health system that employs its own behavioral health staff; both boards agreed to end the partnership by the end of the school term.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private Service NewService(Guid partnershipId, string name, string description, Guid deliveredBy, Guid billedBy, bool part2) => new()
    {
        PartnershipId = partnershipId,
        Name = name,
        Description = description,
        DeliveredByOrganizationId = deliveredBy,
        BilledByOrganizationId = billedBy,
        Payers = string.Join(",", new[] { Payer.Medicaid, Payer.Commercial }.Select(p => p.ToText())),
        Scope = HrsaScope.Contract,
        InvolvesPart2 = part2,
        CreatedAt = db.Now.AddYears(-2),
        UpdatedAt = db.Now.AddYears(-2),
    };
}
