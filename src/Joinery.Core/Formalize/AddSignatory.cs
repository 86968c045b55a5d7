using Joinery.Core.Common;
using Joinery.Core.Data;

namespace Joinery.Core.Formalize;

/// <summary>Adds a person who signs (or is to sign) the agreement for a partner, with the date signed when it is.</summary>
public sealed class AddSignatory(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, SignatoryInput input, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var name = check.Text("name", "the signatory's name", input.Name, AgreementSignatory.NameMax);
        var title = check.Text("title", "the signatory's title", input.Title, AgreementSignatory.NameMax, required: false);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var organizationId = ServicesWork.Partner(check, partners, "organization", "Choose the partner the signatory signs for.", input.Organization);
        var signedOn = check.DoneDate("signedOn", "the date signed", input.SignedOn, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var signatory = AgreementSignatory.Add(agreement, name, title, organizationId!.Value, signedOn);
        db.Set<AgreementSignatory>().Add(signatory);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatory.Id);
    }
}
