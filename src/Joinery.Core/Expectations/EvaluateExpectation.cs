using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary><see cref="Result"/> is met, partly-met, not-met or changed; <see cref="Response"/> is what the partners will do (needed unless met).</summary>
public sealed record EvaluationInput(Guid? Expectation, string? Result, string? Response);

/// <summary>Re-evaluates one agreed expectation in a pilot review; doing it again corrects it. The value is true when the evaluation is new.</summary>
public sealed class EvaluateExpectation(JoineryDb db)
{
    public async Task<Outcome<bool>> RunAsync(Guid partnershipId, Guid reviewId, EvaluationInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ExpectationLists.ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<bool>();
        }
        var review = await db.Set<PilotReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == partnershipId, cancellationToken);
        if (review is null)
        {
            return Outcome<bool>.NotFound("No such pilot review.");
        }
        var check = new Validation();
        AgreedExpectation? agreed = null;
        if (input.Expectation is not { } expectationId)
        {
            check.Add("expectation", "Choose the agreed expectation to re-evaluate.");
        }
        else if ((agreed = await db.Set<AgreedExpectation>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == expectationId && a.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            check.Add("expectation", "There is no such agreed expectation in this partnership.");
        }
        var result = check.Choice<PilotResult>("result", "what the review found", input.Result);
        var response = check.Prose("response", "what the partners will do in response", input.Response, PilotEvaluation.ResponseMax,
            required: result is not null and not PilotResult.Met);
        if (!check.IsValid)
        {
            return Outcome<bool>.Invalid(check.Errors);
        }
        var me = db.Tenancy.UserId!.Value;
        var evaluation = await db.Set<PilotEvaluation>().FirstOrDefaultAsync(e => e.ReviewId == reviewId && e.AgreedExpectationId == agreed!.Id, cancellationToken);
        if (evaluation is not null)
        {
            evaluation.Correct(result!.Value, response, me, db.Now);
        }
        else
        {
            db.Set<PilotEvaluation>().Add(PilotEvaluation.Record(review, agreed!, result!.Value, response, me, db.Now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(evaluation is null);
    }
}
