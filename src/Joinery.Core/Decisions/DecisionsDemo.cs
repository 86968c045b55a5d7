using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Decisions;

/// <summary>
/// Step 4: one decision agreed by both, one fixed by regulation waiting for sign-off, and both
/// partners' contributions; recorded, argued and signed off through the use cases by the people who would.
/// </summary>
public sealed class DecisionsDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<Decision>().AnyAsync(d => d.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        var firstMeeting = await db.Set<Meeting>().Where(m => m.PartnershipId == id).OrderBy(m => m.Date).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);

        Task<Guid> Record(User person, int daysAgo, DecisionInput input) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<DecisionsWork>().CreateAsync(id, input, cancellationToken), cancellationToken);
        Task<Guid> Position(User person, int daysAgo, Guid decision, string position) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<DecisionsWork>().SetPositionAsync(id, decision, position, cancellationToken), cancellationToken);
        Task<bool> SignOff(User executive, int daysAgo, Guid decision) =>
            act.AsAsync(executive, now.AddDays(-daysAgo), s => s.GetRequiredService<DecisionsWork>().SignOffAsync(id, decision, cancellationToken), cancellationToken);

        // Agreed once both executives sign it off.
        var space = await Record(U(2), 40, new("Where the behavioral health consultant sits",
            "The consultant needs to be within a few steps of the exam rooms for warm handoffs, but Eastside has no free office.",
            "1. Share the nurse station.\n2. Convert the supply room.\n3. Use a mobile cart and any free exam room.",
            Negotiability.Negotiable.ToText(), "",
            "Convert half of the supply room; Riverbend pays for the shelving and the network drop.",
            DecisionStatus.Proposed.ToText(), firstMeeting?.ToString()));
        await Position(U(2), 38, space, "Any option works if the consultant can hear the clinic.");
        await Position(U(8), 37, space, "We can give up half of the supply room if the shelving is paid for.");
        await SignOff(U(0), 31, space);
        await SignOff(U(6), 30, space);

        var consent = await Record(U(1), 12, new("Sharing substance use treatment notes in the shared record",
            "Eastside clinicians want to see Riverbend's substance use counseling notes in the shared care plan.",
            "1. Share everything under a single consent.\n2. Keep counseling notes out of the shared record; share a summary with Part 2 consent.",
            Negotiability.FixedByRegulation.ToText(), "42 CFR Part 2 (2024 final rule), §2.31 consent requirements",
            "Counseling notes stay in Riverbend's record; a summary is shared when the person signs a Part 2 consent.",
            DecisionStatus.Proposed.ToText()));
        await Position(U(1), 11, consent, "We cannot share counseling notes without a Part 2 consent; a summary is fine.");
        await SignOff(U(1), 10, consent);

        var year = DateOnly.FromDateTime(now.UtcDateTime);
        // The consultant is lent for the service, which starts on the launch date, not before.
        var launch = year.AddDays(LaunchInDays);
        var bh = U(0).OrganizationId.ToString();
        var pc = U(6).OrganizationId.ToString();
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Task<Guid> Contribute(User person, int daysAgo, string organization, ContributionKind kind, string description, decimal value, decimal? fte, bool forTheYear,
            DateOnly? from = null) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<DecisionsWork>().AddContributionAsync(id, new ContributionInput(organization, kind.ToText(),
                description, value.ToString(CultureInfo.InvariantCulture), fte?.ToString(CultureInfo.InvariantCulture),
                forTheYear ? Day(from ?? year) : null, forTheYear ? Day((from ?? year).AddYears(1).AddDays(-1)) : null), cancellationToken), cancellationToken);
        await Contribute(U(2), 20, bh, ContributionKind.StaffFte, "Behavioral health consultant on site two days a week, from the launch", 38_000m, 0.4m, true, launch);
        await Contribute(U(2), 20, bh, ContributionKind.Equipment, "Shelving and network drop for the consultant's room", 4_500m, null, false);
        await Contribute(U(8), 19, pc, ContributionKind.Space, "Half of the supply room, converted to a consultation office", 9_600m, null, true);
        await Contribute(U(8), 19, pc, ContributionKind.StaffFte, "Nurse care manager time for shared patients", 21_000m, 0.25m, true);
    }
}
