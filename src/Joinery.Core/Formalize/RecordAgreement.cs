using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Formalize;

/// <summary>Records an agreement in the register: its type, title and status, and every partner as a party unless the input names the parties.</summary>
public sealed class RecordAgreement(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseWriteAsync(partnershipId, AgreementWrites.ViewerMessage, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var check = new Validation();
        var type = check.Choice<AgreementType>("type", "the type of agreement", input.Type);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var (terms, parties) = AgreementWrites.Terms(check, input, partners);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var agreement = Agreement.Record(partnershipId, type!.Value, terms, db.Now);
        db.Set<Agreement>().Add(agreement);
        foreach (var party in parties ?? partners.Select(p => p.OrganizationId).ToList())
        {
            db.Set<AgreementParty>().Add(AgreementParty.Of(agreement, party));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreement.Id);
    }
}
