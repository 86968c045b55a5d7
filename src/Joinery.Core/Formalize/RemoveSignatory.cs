using Joinery.Core.Common;
using Joinery.Core.Data;

namespace Joinery.Core.Formalize;

/// <summary>Removes a signatory recorded by mistake.</summary>
public sealed class RemoveSignatory(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken = default)
    {
        var (signatory, refusal) = await db.SignatoryForWriteAsync(partnershipId, agreementId, signatoryId, cancellationToken);
        if (signatory is null)
        {
            return refusal!;
        }
        db.Remove(signatory);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatoryId);
    }
}
