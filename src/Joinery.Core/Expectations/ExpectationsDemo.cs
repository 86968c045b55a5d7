using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Measures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Expectations;

/// <summary>
/// Step 5: both lists submitted and shown side by side; pairs, one of them a conflict nobody has
/// resolved yet (billable consultant time against free warm handoffs); three agreed expectations
/// linked to the demo measures, one still without a re-evaluation date. Every step goes through the
/// use cases, as the person who would take it, on the day they would.
/// </summary>
public sealed class ExpectationsDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<ExpectationItem>().AnyAsync(i => i.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        var n = 0;
        Task<Guid> Item(User author, string text) =>
            act.AsAsync(author, now.AddDays(-21).AddMinutes(++n), s => s.GetRequiredService<AddExpectation>().RunAsync(id, text, cancellationToken), cancellationToken);
        var bhSeen = await Item(U(2), "People who screen positive for depression at Eastside are seen by our consultant within 7 days.");
        await Item(U(2), "Our clients with serious mental illness get a yearly physical and diabetes screening at Eastside.");
        var bhReferrals = await Item(U(1), "Eastside staff refer substance use concerns to us instead of to the emergency department.");
        var bhBillable = await Item(U(1), "The consultant's time at Eastside is fully billable by the end of the first year.");
        var pcVisit = await Item(U(8), "Patients with a positive depression screen have a behavioral health visit within a week.");
        var pcTwice = await Item(U(8), "Fewer of our patients are assessed twice for the same need.");
        var pcHandoffs = await Item(U(7), "The behavioral health consultant is free for same-day warm handoffs every clinic day.");
        await Item(U(9), "Our physicians take on no extra documentation for behavioral health visits.");

        await act.AsAsync(U(0), now.AddDays(-16), s => s.GetRequiredService<SubmitExpectations>().RunAsync(id, cancellationToken), cancellationToken);
        await act.AsAsync(U(6), now.AddDays(-14), s => s.GetRequiredService<SubmitExpectations>().RunAsync(id, cancellationToken), cancellationToken);

        Task<Guid> Pair(Guid first, Guid second, string relation, string note) =>
            act.AsAsync(U(2), now.AddDays(-13).AddMinutes(++n), s => s.GetRequiredService<PairExpectations>().RunAsync(id, new PairInput(first, second, relation, note),
                cancellationToken), cancellationToken);
        await Pair(bhSeen, pcVisit, "same", "");
        await Pair(bhReferrals, pcTwice, "related", "Both are about a referral reaching the right place the first time.");
        await Pair(bhBillable, pcHandoffs, "conflicting",
            "Same-day warm handoffs are often not billable: Riverbend expects full billing, Eastside expects the consultant free for handoffs.");

        var measures = await db.Set<Measure>().Where(m => m.PartnershipId == id).ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        Guid? MeasureNamed(string name) => measures.TryGetValue(name, out var measureId) ? measureId : null;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Task<Guid> Agree(string statement, User owner, string measure, DateOnly? reevaluateOn, params Guid[] items) =>
            act.AsAsync(U(0), now.AddDays(-10).AddMinutes(++n), s => s.GetRequiredService<AgreeExpectation>().RunAsync(id,
                new AgreedInput(statement, owner.Id, MeasureNamed(measure), reevaluateOn, items), cancellationToken), cancellationToken);
        await Agree("People who screen positive for depression at Eastside have a follow-up plan the same month and a behavioral health visit within 7 days.",
            U(2), "Positive depression screens with a follow-up plan", today.AddMonths(3), bhSeen, pcVisit);
        await Agree("Referrals between the partners reach a first visit within 7 days, without a second intake assessment.",
            U(8), "Days from referral to first visit", today.AddMonths(4), bhReferrals, pcTwice);
        await Agree("Fewer than 1 in 10 people referred between the partners are given the same assessment again.",
            U(7), "People assessed twice for the same need", null, pcTwice);
    }
}
