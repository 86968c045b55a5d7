using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Formalize;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Close;

/// <summary>
/// A second, smaller partnership that is closing, so the Close phase can be shown: Hillcrest joined
/// a health system with its own behavioral health staff. Two services: the consults' transition is
/// carried out; the Part 2 counseling is planned but overdue; the MOU still runs, so it cannot be
/// archived yet. Dana Whitfield is its steward, with Hillcrest's medical director.
/// </summary>
public sealed class ClosingDemo(JoineryDb db, DemoAccounts accounts, CreatePartnership createPartnership, AddMember addMember, DemoActor act) : IDemoContribution
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
        await accounts.EnsureUserAsync("nina.okoro@hillcrest.example", "Nina Okoro", Hillcrest, isSiteAdmin: false, "Program director", cancellationToken);
        var created = await createPartnership.RunAsync(new PartnershipInput(ClosingPartnershipName, [Bh, Hillcrest]), cancellationToken);
        var id = created.Value;
        await addMember.RunAsync(id, new MemberInput(People[0].Email, "steward", "executive"), cancellationToken);
        await addMember.RunAsync(id, new MemberInput("nina.okoro@hillcrest.example", "steward", "executive"), cancellationToken);
        var dana = await db.Users.FirstAsync(u => u.Email == People[0].Email, cancellationToken);
        var nina = await db.Users.FirstAsync(u => u.Email == "nina.okoro@hillcrest.example", cancellationToken);
        var bh = dana.OrganizationId.ToString();
        var hillcrest = nina.OrganizationId.ToString();
        var now = db.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The partnership ran for two years before it came to Joinery: Dana brings it to Operate the
        // way the phase page allows, saying why each earlier gate was not met here.
        var started = now.AddYears(-2).AddDays(-1);
        foreach (var (phase, i) in new[] { Phase.Plan, Phase.Formalize, Phase.Prepare, Phase.Pilot, Phase.Operate }.Select((p, i) => (p, i)))
        {
            await act.AsAsync(dana, started.AddMinutes(i), s => s.GetRequiredService<MovePhase>().RunAsync(id, new PhaseMove(phase.ToText(),
                "The partnership ran on paper before it came to Joinery; this phase's work was done and is kept in the partners' files."), cancellationToken), cancellationToken);
        }

        Task<Guid> AddService(string name, string description, string billedBy, bool part2) =>
            act.AsAsync(dana, now.AddYears(-2), s => s.GetRequiredService<ServicesWork>().CreateAsync(id, new ServiceInput(name, description, bh, billedBy, null,
                [Payer.Medicaid.ToText(), Payer.Commercial.ToText()], HrsaScope.Contract.ToText(), part2, null, null), cancellationToken), cancellationToken);
        var consults = await AddService("School-based counseling consults", "A Riverbend counselor sees children at Hillcrest's school clinic after a warm handoff.", hillcrest, false);
        var counseling = await AddService("Adolescent substance use counseling", "Riverbend's adolescent program counsels young people Hillcrest refers.", bh, true);
        await act.AsAsync(dana, now.AddYears(-2), s => s.GetRequiredService<RecordAgreement>().RunAsync(id, new AgreementInput(AgreementType.Mou.ToText(),
            "Memorandum of understanding", AgreementStatus.InForce.ToText(), today.AddYears(-2), today.AddMonths(4), NoticeDays: 90), cancellationToken), cancellationToken);

        await act.AsAsync(dana, now.AddDays(-30), s => s.GetRequiredService<MovePhase>().RunAsync(id, new PhaseMove(Phase.Close.ToText(),
            "Hillcrest joined a health system that employs its own behavioral health staff; both boards agreed to end the partnership by the end of the school term."),
            cancellationToken), cancellationToken);

        // Each owner plans their service's transition once the partners decided to close, and ticks off each step on the day it was done.
        Task<Guid> Plan(User owner, DateTimeOffset at, Guid service, TransitionInput input) =>
            act.AsAsync(owner, at, s => s.GetRequiredService<CloseWork>().SaveTransitionAsync(id, service, input, cancellationToken), cancellationToken);
        var consultsPlan = new TransitionInput(hillcrest, null,
            "Families hear it from the counselor at the last session, then in a letter from Hillcrest with the new counselor's name.", hillcrest,
            "Consult notes are in Hillcrest's record and stay there for seven years; Riverbend keeps only its scheduling log.", "48", nina.Id.ToString(), Day(-10));
        await Plan(nina, now.AddDays(-30).AddMinutes(1), consults, consultsPlan);
        await Plan(nina, now.AddDays(-20), consults, consultsPlan with { PeopleToldOn = Day(-20) });
        await Plan(nina, now.AddDays(-12), consults, consultsPlan with { PeopleToldOn = Day(-20), CareHandedOverOn = Day(-12) });
        await Plan(nina, now.AddDays(-11), consults, consultsPlan with { PeopleToldOn = Day(-20), CareHandedOverOn = Day(-12), RecordsSettledOn = Day(-11) });
        var counselingPlan = new TransitionInput(bh, null,
            "Each young person and their family are called by their counselor; the referral letters go to Hillcrest's new behavioral health team.", bh,
            "Counseling records are Part 2 records and stay with Riverbend's program; nothing moves without the young person's written consent.", "17", dana.Id.ToString(), Day(-3));
        await Plan(dana, now.AddDays(-30).AddMinutes(2), counseling, counselingPlan);
        await Plan(dana, now.AddDays(-5), counseling, counselingPlan with { PeopleToldOn = Day(-5) });
    }
}
