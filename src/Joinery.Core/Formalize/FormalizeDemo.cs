using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Formalize;

/// <summary>
/// Formalize: three services (co-located consults billed by Eastside under contract, a medication
/// for opioid use disorder referral with Part 2 records, a registry Eastside hosts for both), a few
/// costs, and the agreements: the MOU in review with its checklist partly ticked, the BAA signed,
/// the QSOA still a draft (so the Part 2 signal and the gate show what is left to do).
/// </summary>
public sealed class FormalizeDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<Service>().AnyAsync(s => s.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var bh = U(0).OrganizationId;
        var pc = U(6).OrganizationId;
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        Service S(string name, string description, Guid deliveredBy, Guid billedBy, string site, Payer[] payers, HrsaScope scope, bool part2,
            AssociateFunction function = AssociateFunction.None, Guid? associate = null) => new()
            {
                PartnershipId = partnershipId,
                Name = name,
                Description = description,
                DeliveredByOrganizationId = deliveredBy,
                BilledByOrganizationId = billedBy,
                Site = site,
                Payers = string.Join(",", payers.Select(p => p.ToText())),
                Scope = scope,
                InvolvesPart2 = part2,
                AssociateFunction = function,
                AssociateOrganizationId = associate,
                CreatedAt = db.Now.AddDays(-14),
                UpdatedAt = db.Now.AddDays(-14),
            };
        db.Set<Service>().AddRange(
            S("Co-located behavioral health consults", "A Riverbend consultant sees people in Eastside's exam rooms the same day, after a warm handoff.",
                bh, pc, "Eastside main clinic, 2nd floor", [Payer.Medicare, Payer.Medicaid, Payer.Commercial, Payer.SlidingFee], HrsaScope.Contract, false),
            S("Medication for opioid use disorder referral", "Eastside refers people who want treatment for opioid use to Riverbend's outpatient program; Riverbend reports back.",
                bh, bh, "Riverbend recovery clinic", [Payer.Medicaid, Payer.Grant], HrsaScope.Referral, true),
            S("Shared depression registry", "Eastside hosts the registry of shared patients' PHQ-9 scores that Riverbend's care managers use for follow-up.",
                pc, pc, "Eastside, hosted in its record system", [Payer.Medicare, Payer.Medicaid], HrsaScope.Direct, false, AssociateFunction.RegistryHosting, pc));

        CostItem C(CostCategory category, string description, Guid organization, decimal amount, CostPeriod period, DateOnly? from = null, DateOnly? to = null) => new()
        {
            PartnershipId = partnershipId,
            Category = category,
            Description = description,
            OrganizationId = organization,
            Amount = amount,
            Period = period,
            FromMonth = from,
            ToMonth = to,
            RecordedByUserId = U(8).Id,
            RecordedAt = db.Now.AddDays(-12),
        };
        db.Set<CostItem>().AddRange(
            C(CostCategory.Staff, "Contract payment for the consultant's time (column II)", pc, 3_150.00m, CostPeriod.Monthly, month, month.AddMonths(11)),
            C(CostCategory.It, "Registry module licence", pc, 2_400.00m, CostPeriod.Yearly),
            C(CostCategory.Training, "Warm handoff training for both front desks", bh, 1_850.00m, CostPeriod.OneOff),
            C(CostCategory.Equipment, "Laptop and headset for telehealth consults", bh, 1_249.99m, CostPeriod.OneOff));

        Agreement A(AgreementType type, string title, AgreementStatus status, DateOnly? effective = null, DateOnly? expires = null, int? noticeDays = null, string notes = "")
        {
            var terms = new AgreementTerms(title, status, effective, expires, NoticeDays: noticeDays, Notes: notes);
            var agreement = Agreement.Record(partnershipId, type, terms, db.Now.AddDays(-10));
            agreement.Change(terms, db.Now.AddDays(-3));
            return agreement;
        }
        var mou = A(AgreementType.Mou, "Riverbend–Eastside memorandum of understanding", AgreementStatus.InReview,
            notes: "Counsel for both partners reviews the draft before the March board meetings.");
        var baa = A(AgreementType.Baa, "Business associate agreement for the shared registry", AgreementStatus.Signed, today.AddDays(-30), today.AddYears(2), 90);
        var qsoa = A(AgreementType.Qsoa, "Part 2 terms for the opioid treatment referrals", AgreementStatus.Draft,
            notes: "Riverbend's privacy officer drafts this; referrals for treatment also need each person's consent.");
        db.Set<Agreement>().AddRange(mou, baa, qsoa);
        foreach (var a in new[] { mou, baa, qsoa })
        {
            db.Set<AgreementParty>().AddRange(AgreementParty.Of(a, bh), AgreementParty.Of(a, pc));
        }
        db.Set<AgreementSignatory>().AddRange(
            AgreementSignatory.Add(baa, "Dana Whitfield", "Chief executive", bh, today.AddDays(-31)),
            AgreementSignatory.Add(baa, "Grace Holloway", "Chief executive", pc, today.AddDays(-30)),
            AgreementSignatory.Add(mou, "Dana Whitfield", "Chief executive", bh, null),
            AgreementSignatory.Add(mou, "Grace Holloway", "Chief executive", pc, null));
        var ticked = new (string Code, string Note)[]
        {
            ("parties", "Recitals name both boards."),
            ("vision", "Copied from the endorsed mission, version 2."),
            ("definitions", "Points to the shared glossary."),
            ("scope", "The three services in the catalog."),
            ("governance", "Monthly joint meeting; champions named."),
            ("performance", "The agreed expectations and their measures."),
            ("financial", "Eastside bills the consults; contract payment per month."),
            ("space-equipment", "Half of the supply room; Riverbend brings the laptop."),
        };
        db.Set<AgreementElementCheck>().AddRange(ticked.Select((t, i) =>
            AgreementElementCheck.Review(mou, t.Code, done: true, t.Note, i % 2 == 0 ? U(2).Id : U(8).Id, db.Now.AddDays(-5 + i % 3))));
        db.Set<AgreementElementCheck>().AddRange(AgreementChecklists.Baa.Select(e =>
            AgreementElementCheck.Review(baa, e.Code, done: true, "", U(8).Id, db.Now.AddDays(-32))));
        await db.SaveChangesAsync(cancellationToken);
    }
}
