using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>Changes an agreement's title, status, dates, notes and (when given) its parties; the type stays.</summary>
public sealed class ChangeAgreement(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var (terms, parties) = AgreementWrites.Terms(check, input, partners);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        agreement.Change(terms, db.Now);
        if (parties is { } wanted)
        {
            var current = await db.Set<AgreementParty>().Where(p => p.AgreementId == agreementId).ToListAsync(cancellationToken);
            db.Set<AgreementParty>().RemoveRange(current.Where(p => !wanted.Contains(p.OrganizationId)));
            foreach (var id in wanted.Where(w => current.All(c => c.OrganizationId != w)))
            {
                db.Set<AgreementParty>().Add(AgreementParty.Of(agreement, id));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreementId);
    }
}
