using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>Removes a signatory recorded by mistake.</summary>
public sealed class RemoveSignatory(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var signatory = await db.Set<AgreementSignatory>()
            .FirstOrDefaultAsync(s => s.Id == signatoryId && s.AgreementId == agreementId && s.PartnershipId == partnershipId, cancellationToken);
        if (signatory is null)
        {
            return Outcome<Guid>.NotFound("No such signatory.");
        }
        db.Remove(signatory);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatoryId);
    }
}
