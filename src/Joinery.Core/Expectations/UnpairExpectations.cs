using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Removes a pairing made by mistake; both expectations stay.</summary>
public sealed class UnpairExpectations(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid pairId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ExpectationLists.ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var pair = await db.Set<ExpectationPair>().FirstOrDefaultAsync(p => p.Id == pairId && p.PartnershipId == partnershipId, cancellationToken);
        if (pair is null)
        {
            return Outcome<Guid>.NotFound("No such pair.");
        }
        db.Set<ExpectationPair>().Remove(pair);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(pairId);
    }
}
