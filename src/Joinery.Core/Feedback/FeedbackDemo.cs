using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Feedback;

/// <summary>
/// Step 7: a forum with praise, complaints and ideas from every level, some anonymous; two items
/// done ("you said, we did"), one declined with its reason, one in progress, and one anonymous
/// complaint that has waited more than three weeks for an answer.
/// </summary>
public sealed class FeedbackDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<FeedbackItem>().AnyAsync(f => f.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        (Guid, Guid, MemberLevel) Named(int i) => (users[People[i].Email].Id, users[People[i].Email].OrganizationId, People[i].Level);
        Guid U(int i) => users[People[i].Email].Id;

        var referrals = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Referrals to Riverbend disappear",
            "We send a referral and never hear whether the person was seen. Patients ask us at their next visit and we have no answer.",
            db.Now.AddDays(-38), null);
        var calendar = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "Put the consultant's days on both calendars",
            "Our front desk does not know which days the behavioral health consultant is in, so warm handoffs get missed.",
            db.Now.AddDays(-33), Named(10));
        var huddle = FeedbackItem.Post(partnershipId, FeedbackKind.Positive, "The Tuesday huddle works",
            "Ten minutes with Sam before clinic saves us a dozen phone calls. Please keep it.", db.Now.AddDays(-26), Named(8));
        var paper = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "Stop the paper intake packet at Eastside",
            "People fill in the same history twice, once on paper for Eastside and once on the tablet for Riverbend.", db.Now.AddDays(-24), Named(5));
        var decisionsLast = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Frontline staff hear about decisions last",
            "The new screening workflow started on Monday and the front desk found out from a patient. Nobody asked the people who do the work.",
            db.Now.AddDays(-23), null);
        var whoToCall = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "A one-page \"who to call\" sheet for both clinics",
            "", db.Now.AddDays(-15), null);
        var mission = FeedbackItem.Post(partnershipId, FeedbackKind.Positive, "Thank you for naming substance use in the mission",
            "It tells our clients they are welcome here too.", db.Now.AddDays(-12), null);
        var parking = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Parking at Eastside for joint meetings",
            "Three of us were late to the kick-off because the lot was full.", db.Now.AddDays(-6), Named(4));
        db.Set<FeedbackItem>().AddRange(referrals, calendar, huddle, paper, decisionsLast, whoToCall, mission, parking);

        void Answer(FeedbackItem item, string text, int by, int daysAgo)
        {
            item.Answer = text;
            item.AnsweredByUserId = U(by);
            item.AnsweredAt = db.Now.AddDays(-daysAgo);
        }
        void Move(FeedbackItem item, FeedbackStatus to, int by, int daysAgo, string reason = "")
        {
            db.Set<FeedbackStatusChange>().Add(new FeedbackStatusChange
            {
                PartnershipId = partnershipId,
                ItemId = item.Id,
                FromStatus = item.Status,
                ToStatus = to,
                Reason = reason,
                ChangedByUserId = U(by),
                ChangedAt = db.Now.AddDays(-daysAgo),
            });
            item.Status = to;
            item.StatusChangedAt = db.Now.AddDays(-daysAgo);
        }

        Answer(referrals, "You were right: nothing closed the loop. Riverbend's intake now sends a weekly list of every referral from Eastside with its status (scheduled, seen, or could not reach), and Priya checks it at the joint meeting.", 2, 30);
        Move(referrals, FeedbackStatus.Acknowledged, 2, 35);
        Move(referrals, FeedbackStatus.InProgress, 2, 30, "Intake is testing a weekly status list.");
        Move(referrals, FeedbackStatus.Done, 2, 12);
        Answer(calendar, "The consultant's days are now on the shared calendar at both front desks, and on the whiteboard by the nurse station.", 8, 20);
        Move(calendar, FeedbackStatus.Acknowledged, 8, 28);
        Move(calendar, FeedbackStatus.Done, 8, 20);
        Answer(huddle, "Thank you. The huddle stays, and we are adding one on Thursdays.", 6, 24);
        Move(huddle, FeedbackStatus.Acknowledged, 6, 24);
        Answer(paper, "We agree it is a burden, but the state Medicaid audit requires signed paper consent for two of the forms until July. We will look again then.", 6, 18);
        Move(paper, FeedbackStatus.WontDo, 6, 18, "Required on paper by the state Medicaid audit until July; to be revisited then.");
        Answer(whoToCall, "Good idea. Ana is drafting it with both front desks.", 7, 10);
        Move(whoToCall, FeedbackStatus.Acknowledged, 7, 10);
        Move(whoToCall, FeedbackStatus.InProgress, 7, 8);
        db.Set<FeedbackSupport>().AddRange(
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(10), SupportedAt = db.Now.AddDays(-22) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(11), SupportedAt = db.Now.AddDays(-21) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(5), SupportedAt = db.Now.AddDays(-20) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = referrals.Id, UserId = U(9), SupportedAt = db.Now.AddDays(-37) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = huddle.Id, UserId = U(4), SupportedAt = db.Now.AddDays(-25) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
