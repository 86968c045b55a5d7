using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Expectations;

public sealed class ExpectationsWalk : IWalkContribution
{
    /// <summary>
    /// Step 5 in the victim partnership: both lists submitted, a pair, an agreed expectation and a pilot
    /// review; then the steward's list is reopened (its submission removed) with a draft item, so that
    /// the handlers that work only before the reveal can be tried too. The steward's Submit reveals again.
    /// </summary>
    public async Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim)
    {
        var (handoffs, intakes) = await app.ActingAsAsync(victim.First(MemberRole.Planner), async services =>
        {
            var add = services.GetRequiredService<AddExpectation>();
            var a = await add.RunAsync(victim.Id, "Warm handoffs every clinic day.");
            var b = await add.RunAsync(victim.Id, "Fewer second intakes.");
            (await services.GetRequiredService<SubmitExpectations>().RunAsync(victim.Id)).Succeeded.ShouldBeTrue();
            return (a.Value, b.Value);
        });
        return await app.ActingAsAsync(victim.Steward, async services =>
        {
            var add = services.GetRequiredService<AddExpectation>();
            var billable = await add.RunAsync(victim.Id, "Billable consultant time.");
            var physicals = await add.RunAsync(victim.Id, "Yearly physicals.");
            var revealed = await services.GetRequiredService<SubmitExpectations>().RunAsync(victim.Id);
            var pair = await services.GetRequiredService<PairExpectations>().RunAsync(victim.Id, new PairInput(billable.Value, handoffs, "conflicting", ""));
            var agreed = await services.GetRequiredService<AgreeExpectation>().RunAsync(victim.Id,
                new AgreedInput("Handoffs are free.", victim.Steward.UserId, null, new DateOnly(2027, 1, 4), [billable.Value, handoffs]));
            var review = await services.GetRequiredService<RecordPilotReview>().RunAsync(victim.Id,
                new PilotReviewInput(new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 31), null, null));
            foreach (var outcome in new[] { billable, physicals, revealed.As<Guid>(), pair, agreed, review })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            revealed.Value.ShouldBeTrue();
            var db = services.GetRequiredService<JoineryDb>();
            db.Remove(await db.Set<ExpectationSubmission>().SingleAsync(s => s.PartnershipId == victim.Id && s.OrganizationId == victim.Partners[0]));
            await db.SaveChangesAsync();
            var draft = await add.RunAsync(victim.Id, "A draft to reword and remove.");
            draft.Succeeded.ShouldBeTrue(draft.FirstError);
            return new Dictionary<string, string>
            {
                ["itemId"] = draft.Value.ToString(),
                ["pairId"] = pair.Value.ToString(),
                ["agreeOn"] = pair.Value.ToString(),
                ["agreedId"] = agreed.Value.ToString(),
                ["reviewId"] = review.Value.ToString(),
                ["physicals"] = physicals.Value.ToString(),
                ["intakes"] = intakes.ToString(),
            };
        });
    }

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Expectations/Index" => new()
        {
            ["Item.Text"] = "Fewer emergency visits.",
            ["EditText"] = "A reworded draft.",
            ["Pair.First"] = records["physicals"],
            ["Pair.Second"] = records["intakes"],
            ["Pair.Relation"] = "related",
            ["Agree.Statement"] = "Yearly physicals for everyone we share.",
            ["Agree.Owner"] = victim.Steward.UserId.ToString(),
            ["Agree.Items"] = records["physicals"],
            ["Review.From"] = "2026-04-01",
            ["Review.To"] = "2026-06-30",
        },
        "/Expectations/Agreed" or "/Expectations/Review" => new()
        {
            ["Input.Statement"] = "Handoffs are free; follow-up visits are billed.",
            ["Input.Owner"] = victim.Steward.UserId.ToString(),
            ["Input.Items"] = records["physicals"],
            ["Input.From"] = "2026-01-05",
            ["Input.To"] = "2026-03-31",
            ["Evaluation.Expectation"] = records["agreedId"],
            ["Evaluation.Result"] = "met",
        },
        _ => [],
    };

    /// <summary>The steward's reopened list is submitted again, so every list is revealed.</summary>
    public Task SettleForReadingAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var submitted = await services.GetRequiredService<SubmitExpectations>().RunAsync(victim.Id);
            submitted.Succeeded.ShouldBeTrue(submitted.FirstError);
            return submitted.Value;
        });
}
