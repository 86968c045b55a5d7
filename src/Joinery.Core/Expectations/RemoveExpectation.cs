using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Removes one of the organization's expectations, until the lists are shown; a submitted list keeps at least one.</summary>
public sealed class RemoveExpectation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var (item, refusal) = await db.OwnItemAsync(partnershipId, itemId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var submission = await db.Set<ExpectationSubmission>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.PartnershipId == partnershipId && s.OrganizationId == item!.OrganizationId, cancellationToken);
        var inList = await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == item!.OrganizationId, cancellationToken);
        if (submission is not null && inList <= 1)
        {
            return Outcome<Guid>.Conflict("", "Your list is submitted and keeps at least one expectation; reword this one instead.");
        }
        item!.Withdraw(submission, inList, listsShown: false);
        db.Set<ExpectationItem>().Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(itemId);
    }
}
