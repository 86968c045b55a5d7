using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Formalize;

/// <summary>
/// Formalize: three services (co-located consults billed by Eastside under contract, a medication
/// for opioid use disorder referral with Part 2 records, a registry Eastside hosts for both), a few
/// costs, and the agreements: the MOU in review with its checklist partly ticked, the BAA signed,
/// the QSOA still a draft (so the Part 2 signal and the gate show what is left to do).
/// </summary>
public sealed class FormalizeDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<Service>().AnyAsync(s => s.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var priya = U(2);
        var ana = U(8);
        var bh = U(0).OrganizationId.ToString();
        var pc = U(6).OrganizationId.ToString();
        var now = db.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The consultant's contract is paid from the month services start (the launch date), for a year.
        var launch = today.AddDays(LaunchInDays);
        var launchMonth = new DateOnly(launch.Year, launch.Month, 1);
        string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        Task<Guid> AddService(ServiceInput input) =>
            act.AsAsync(ana, now.AddDays(-14), s => s.GetRequiredService<ServicesWork>().CreateAsync(id, input, cancellationToken), cancellationToken);
        await AddService(new("Co-located behavioral health consults", "A Riverbend consultant sees people in Eastside's exam rooms the same day, after a warm handoff.",
            bh, pc, "Eastside main clinic, 2nd floor", ["medicare", "medicaid", "commercial", "sliding-fee"], "contract", false, null, null));
        await AddService(new("Medication for opioid use disorder referral", "Eastside refers people who want treatment for opioid use to Riverbend's outpatient program; Riverbend reports back.",
            bh, bh, "Riverbend recovery clinic", ["medicaid", "grant"], "referral", true, null, null));
        await AddService(new("Shared depression registry", "Eastside hosts the registry of shared patients' PHQ-9 scores that Riverbend's care managers use for follow-up.",
            pc, pc, "Eastside, hosted in its record system", ["medicare", "medicaid"], "direct", false, "registry-hosting", pc));

        Task<Guid> AddCost(CostItemInput input) =>
            act.AsAsync(ana, now.AddDays(-12), s => s.GetRequiredService<FinancesWork>().AddAsync(id, input, cancellationToken), cancellationToken);
        // Riverbend lends the consultant (its contribution in step 4) and Eastside pays for the time: one consultant, counted once.
        var riverbend = U(0).OrganizationId;
        var consultant = await db.Set<Contribution>().Where(c => c.PartnershipId == id && c.Kind == ContributionKind.StaffFte && c.OrganizationId == riverbend)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        await AddCost(new("staff", "Contract payment for the consultant's time (column II)", pc, "3150.00", "monthly", Month(launchMonth), Month(launchMonth.AddMonths(11)),
            consultant?.ToString()));
        await AddCost(new("it", "Registry module licence", pc, "2400.00", "yearly", null, null));
        await AddCost(new("training", "Warm handoff training for both front desks", bh, "1850.00", "one-off", null, null));
        await AddCost(new("equipment", "Laptop and headset for telehealth consults", bh, "1249.99", "one-off", null, null));

        Task<Guid> Record(AgreementInput input) =>
            act.AsAsync(priya, now.AddDays(-10), s => s.GetRequiredService<RecordAgreement>().RunAsync(id, input, cancellationToken), cancellationToken);
        var mou = await Record(new("mou", "Riverbend–Eastside memorandum of understanding", "in-review",
            Notes: "Counsel for both partners reviews the draft before the March board meetings."));
        var baa = await Record(new("baa", "Business associate agreement for the shared registry", "signed", today.AddDays(-30), today.AddYears(2), NoticeDays: 90));
        await Record(new("qsoa", "Part 2 terms for the opioid treatment referrals", "draft",
            Notes: "Riverbend's privacy officer drafts this; referrals for treatment also need each person's consent."));

        Task<Guid> Sign(Guid agreement, SignatoryInput input) =>
            act.AsAsync(priya, now.AddDays(-10), s => s.GetRequiredService<AddSignatory>().RunAsync(id, agreement, input, cancellationToken), cancellationToken);
        await Sign(baa, new("Dana Whitfield", "Chief executive", U(0).OrganizationId, today.AddDays(-31)));
        await Sign(baa, new("Grace Holloway", "Chief executive", U(6).OrganizationId, today.AddDays(-30)));
        await Sign(mou, new("Dana Whitfield", "Chief executive", U(0).OrganizationId, null));
        await Sign(mou, new("Grace Holloway", "Chief executive", U(6).OrganizationId, null));

        Task<Guid> Review(User reviewer, DateTimeOffset at, Guid agreement, string code, string note) =>
            act.AsAsync(reviewer, at, s => s.GetRequiredService<ReviewAgreementElement>().RunAsync(id, agreement, new ElementInput(code, true, note), cancellationToken),
                cancellationToken);
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
        foreach (var (t, i) in ticked.Select((t, i) => (t, i)))
        {
            await Review(i % 2 == 0 ? priya : ana, now.AddDays(-5 + i % 3), mou, t.Code, t.Note);
        }
        foreach (var element in AgreementChecklists.Baa)
        {
            await Review(ana, now.AddDays(-10), baa, element.Code, "");
        }
    }
}
