using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>Ticks (or unticks) a required element of the agreement's checklist with a note; the current member is recorded as the reviewer.</summary>
public sealed class ReviewAgreementElement(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, ElementInput input, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var code = (input.Code ?? "").Trim();
        if (AgreementChecklists.For(agreement.Type).All(e => e.Code != code))
        {
            check.Add("code", $"Choose an element of the {agreement.Type.Label()} checklist.");
        }
        var note = check.Prose("note", "the note", input.Note, AgreementElementCheck.NoteMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var reviewer = db.Tenancy.UserId!.Value;
        var element = await db.Set<AgreementElementCheck>().FirstOrDefaultAsync(c => c.AgreementId == agreementId && c.Code == code, cancellationToken);
        if (element is null)
        {
            element = AgreementElementCheck.Review(agreement, code, input.Done, note, reviewer, db.Now);
            db.Set<AgreementElementCheck>().Add(element);
        }
        else
        {
            element.Review(input.Done, note, reviewer, db.Now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(element.Id);
    }
}
