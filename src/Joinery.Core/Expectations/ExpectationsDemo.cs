using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Measures;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Expectations;

/// <summary>
/// Step 5: both lists submitted and shown side by side; pairs, one of them a conflict nobody has
/// resolved yet (billable consultant time against free warm handoffs); three agreed expectations
/// linked to the demo measures, one still without a re-evaluation date. Built with the entities'
/// factories rather than the use cases, because the demo backdates each step and writes as several people.
/// </summary>
public sealed class ExpectationsDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<ExpectationItem>().AnyAsync(i => i.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var bh = U(0).OrganizationId;
        var pc = U(6).OrganizationId;
        var start = db.Now.AddDays(-21);
        var n = 0;
        var inList = new Dictionary<Guid, int>();
        ExpectationItem Item(Guid organization, User author, string text)
        {
            var count = inList.GetValueOrDefault(organization);
            inList[organization] = count + 1;
            return ExpectationItem.Write(partnershipId, organization, text, count, listsShown: false, author.Id, start.AddMinutes(++n));
        }
        var bhSeen = Item(bh, U(2), "People who screen positive for depression at Eastside are seen by our consultant within 7 days.");
        var bhPhysicals = Item(bh, U(2), "Our clients with serious mental illness get a yearly physical and diabetes screening at Eastside.");
        var bhReferrals = Item(bh, U(1), "Eastside staff refer substance use concerns to us instead of to the emergency department.");
        var bhBillable = Item(bh, U(1), "The consultant's time at Eastside is fully billable by the end of the first year.");
        var pcVisit = Item(pc, U(8), "Patients with a positive depression screen have a behavioral health visit within a week.");
        var pcTwice = Item(pc, U(8), "Fewer of our patients are assessed twice for the same need.");
        var pcHandoffs = Item(pc, U(7), "The behavioral health consultant is free for same-day warm handoffs every clinic day.");
        var pcNotes = Item(pc, U(9), "Our physicians take on no extra documentation for behavioral health visits.");
        db.Set<ExpectationItem>().AddRange(bhSeen, bhPhysicals, bhReferrals, bhBillable, pcVisit, pcTwice, pcHandoffs, pcNotes);
        db.Set<ExpectationSubmission>().AddRange(
            ExpectationSubmission.Submit(partnershipId, bh, inList[bh], alreadySubmitted: false, U(0).Id, db.Now.AddDays(-16)),
            ExpectationSubmission.Submit(partnershipId, pc, inList[pc], alreadySubmitted: false, U(6).Id, db.Now.AddDays(-14)));
        ExpectationPair Pair(ExpectationItem first, ExpectationItem second, ExpectationRelation relation, string note) =>
            ExpectationPair.Pair(first, second, relation, note, listsShown: true, U(2).Id, db.Now.AddDays(-13).AddMinutes(++n));
        db.Set<ExpectationPair>().AddRange(
            Pair(bhSeen, pcVisit, ExpectationRelation.Same, ""),
            Pair(bhReferrals, pcTwice, ExpectationRelation.Related, "Both are about a referral reaching the right place the first time."),
            Pair(bhBillable, pcHandoffs, ExpectationRelation.Conflicting,
                "Same-day warm handoffs are often not billable: Riverbend expects full billing, Eastside expects the consultant free for handoffs."));
        var measures = await db.Set<Measure>().Where(m => m.PartnershipId == partnershipId).ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var agreed = new[]
        {
            (Statement: "People who screen positive for depression at Eastside have a follow-up plan the same month and a behavioral health visit within 7 days.",
                Owner: U(2), Measure: "Positive depression screens with a follow-up plan", Reevaluate: (DateOnly?)today.AddMonths(3), Items: new[] { bhSeen, pcVisit }),
            (Statement: "Referrals between the partners reach a first visit within 7 days, without a second intake assessment.",
                Owner: U(8), Measure: "Days from referral to first visit", Reevaluate: (DateOnly?)today.AddMonths(4), Items: new[] { bhReferrals, pcTwice }),
            (Statement: "Fewer than 1 in 10 people referred between the partners are given the same assessment again.",
                Owner: U(7), Measure: "People assessed twice for the same need", Reevaluate: (DateOnly?)null, Items: new[] { pcTwice }),
        };
        foreach (var a in agreed)
        {
            var expectation = AgreedExpectation.Agree(partnershipId, a.Statement, a.Owner.Id, measures.TryGetValue(a.Measure, out var measureId) ? measureId : null,
                a.Reevaluate, listsShown: true, U(0).Id, db.Now.AddDays(-10).AddMinutes(++n));
            db.Set<AgreedExpectation>().Add(expectation);
            db.Set<AgreedSource>().AddRange(expectation.DrawFrom(a.Items.Select(i => i.Id).ToList(), []).Add);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
