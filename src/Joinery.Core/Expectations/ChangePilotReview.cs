using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Changes a pilot review: its period, the day it was held, its summary.</summary>
public sealed class ChangePilotReview(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid reviewId, PilotReviewInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ExpectationLists.ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var review = await db.Set<PilotReview>().FirstOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == partnershipId, cancellationToken);
        if (review is null)
        {
            return Outcome<Guid>.NotFound("No such pilot review.");
        }
        var check = new Validation();
        var terms = check.PilotReviewTerms(input, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        review.Change(terms.From, terms.To, terms.HeldOn, terms.Summary, db.Now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(review.Id);
    }
}
