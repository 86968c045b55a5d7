using Joinery.Core.Common;
using Joinery.Core.Data;

namespace Joinery.Core.Formalize;

/// <summary>
/// Changes a signatory: most often records the date signed, once it is. The name, title and partner
/// stay as recorded unless given again (an empty name or a missing title or partner keeps them).
/// </summary>
public sealed class ChangeSignatory(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, Guid signatoryId, SignatoryInput input, CancellationToken cancellationToken = default)
    {
        var (signatory, refusal) = await db.SignatoryForWriteAsync(partnershipId, agreementId, signatoryId, cancellationToken);
        if (signatory is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var name = string.IsNullOrWhiteSpace(input.Name) ? signatory.Name : check.Text("name", "the signatory's name", input.Name, AgreementSignatory.NameMax);
        var title = input.Title is null ? signatory.Title : check.Text("title", "the signatory's title", input.Title, AgreementSignatory.NameMax, required: false);
        var organizationId = signatory.OrganizationId;
        if (input.Organization is not null)
        {
            var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
            organizationId = ServicesWork.Partner(check, partners, "organization", "Choose the partner the signatory signs for.", input.Organization) ?? organizationId;
        }
        var signedOn = check.DoneDate("signedOn", "the date signed", input.SignedOn, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        signatory.Change(name, title, organizationId, signedOn);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatory.Id);
    }
}
