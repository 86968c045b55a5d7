using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Feedback;

/// <summary>
/// Step 7: a forum with praise, complaints and ideas from every level, some anonymous; two items
/// done ("you said, we did"), one declined with its reason, one in progress, and one anonymous
/// complaint that has waited more than three weeks for an answer. Posted, supported, answered and
/// moved on through the use cases, by members who may, on the days they did.
/// </summary>
public sealed class FeedbackDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<FeedbackItem>().AnyAsync(f => f.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;

        // An anonymous item keeps nothing about its writer, so who posts it only has to be a member.
        Task<Guid> Post(int by, int daysAgo, FeedbackKind kind, string title, string body, bool anonymous = false) =>
            act.AsAsync(U(by), now.AddDays(-daysAgo), s => s.GetRequiredService<FeedbackWork>().PostAsync(id, new FeedbackInput(kind.ToText(), title, body, anonymous),
                cancellationToken), cancellationToken);
        var referrals = await Post(10, 38, FeedbackKind.Negative, "Referrals to Riverbend disappear",
            "We send a referral and never hear whether the person was seen. Patients ask us at their next visit and we have no answer.", anonymous: true);
        var calendar = await Post(10, 33, FeedbackKind.Idea, "Put the consultant's days on both calendars",
            "Our front desk does not know which days the behavioral health consultant is in, so warm handoffs get missed.");
        var huddle = await Post(8, 26, FeedbackKind.Positive, "The Tuesday huddle works",
            "Ten minutes with Sam before clinic saves us a dozen phone calls. Please keep it.");
        var paper = await Post(5, 24, FeedbackKind.Idea, "Stop the paper intake packet at Eastside",
            "People fill in the same history twice, once on paper for Eastside and once on the tablet for Riverbend.");
        var decisionsLast = await Post(9, 23, FeedbackKind.Negative, "Frontline staff hear about decisions last",
            "The new screening workflow started on Monday and the front desk found out from a patient. Nobody asked the people who do the work.", anonymous: true);
        var whoToCall = await Post(11, 15, FeedbackKind.Idea, "A one-page \"who to call\" sheet for both clinics", "", anonymous: true);
        await Post(5, 12, FeedbackKind.Positive, "Thank you for naming substance use in the mission", "It tells our clients they are welcome here too.", anonymous: true);
        await Post(4, 6, FeedbackKind.Negative, "Parking at Eastside for joint meetings", "Three of us were late to the kick-off because the lot was full.");

        Task<int> Support(Guid item, int by, int daysAgo) =>
            act.AsAsync(U(by), now.AddDays(-daysAgo), s => s.GetRequiredService<FeedbackWork>().SupportAsync(id, item, cancellationToken), cancellationToken);
        await Support(referrals, 9, 37);
        await Support(huddle, 4, 25);
        await Support(decisionsLast, 10, 22);
        await Support(decisionsLast, 11, 21);
        await Support(decisionsLast, 5, 20);

        // Stewards and executives respond; answering a new item acknowledges it.
        Task<FeedbackStatus> Answer(Guid item, string text, int by, int daysAgo) =>
            act.AsAsync(U(by), now.AddDays(-daysAgo), s => s.GetRequiredService<FeedbackWork>().AnswerAsync(id, item, text, cancellationToken), cancellationToken);
        Task<FeedbackStatus> Move(Guid item, FeedbackStatus to, int by, int daysAgo, string reason = "") =>
            act.AsAsync(U(by), now.AddDays(-daysAgo), s => s.GetRequiredService<FeedbackWork>().SetStatusAsync(id, item, new FeedbackStatusInput(to.ToText(), reason),
                cancellationToken), cancellationToken);
        await Move(referrals, FeedbackStatus.Acknowledged, 2, 35);
        await Move(referrals, FeedbackStatus.InProgress, 2, 30, "Intake is testing a weekly status list.");
        await Answer(referrals, "You were right: nothing closed the loop. Riverbend's intake now sends a weekly list of every referral from Eastside with its status (scheduled, seen, or could not reach), and Priya checks it at the joint meeting.", 2, 30);
        await Move(calendar, FeedbackStatus.Acknowledged, 6, 28);
        await Answer(calendar, "The consultant's days are now on the shared calendar at both front desks, and on the whiteboard by the nurse station.", 6, 20);
        await Move(calendar, FeedbackStatus.Done, 6, 20);
        await Answer(huddle, "Thank you. The huddle stays, and we are adding one on Thursdays.", 6, 24);
        await Move(paper, FeedbackStatus.WontDo, 6, 18, "Required on paper by the state Medicaid audit until July; to be revisited then.");
        await Answer(paper, "We agree it is a burden, but the state Medicaid audit requires signed paper consent for two of the forms until July. We will look again then.", 6, 18);
        await Answer(whoToCall, "Good idea. Ana is drafting it with both front desks.", 7, 10);
        await Move(whoToCall, FeedbackStatus.InProgress, 7, 8);
        await Move(referrals, FeedbackStatus.Done, 2, 12);
    }
}
