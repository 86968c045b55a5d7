using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Expectations;

/// <summary>A pilot period (<see cref="From"/>, <see cref="To"/>) and, once held, its review (<see cref="HeldOn"/>, <see cref="Summary"/>).</summary>
public sealed record PilotReviewInput(DateOnly? From, DateOnly? To, DateOnly? HeldOn, string? Summary);

/// <summary>Records a pilot period and, once held, its review, in which each agreed expectation is then re-evaluated.</summary>
public sealed class RecordPilotReview(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, PilotReviewInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ExpectationLists.ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var terms = check.PilotReviewTerms(input, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var review = PilotReview.Record(partnershipId, terms.From, terms.To, terms.HeldOn, terms.Summary, db.Tenancy.UserId!.Value, db.Now);
        db.Set<PilotReview>().Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(review.Id);
    }
}
