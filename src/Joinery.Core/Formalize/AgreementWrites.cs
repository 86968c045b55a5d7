using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>What the agreement use cases share: the order of checks before a change, and the terms read from the input.</summary>
internal static class AgreementWrites
{
    public const string ViewerMessage = "Viewers read the agreements; members record them.";

    /// <summary>A non-member 404, a viewer 403 (whether or not the agreement exists), then 404 for an agreement not in this partnership.</summary>
    public static async Task<(Agreement? Agreement, Outcome<Guid>? Refusal)> AgreementForWriteAsync(this JoineryDb db, Guid partnershipId, Guid agreementId,
        CancellationToken cancellationToken)
    {
        if (await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        var agreement = await db.Set<Agreement>().FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, cancellationToken);
        return agreement is null ? (null, Outcome<Guid>.NotFound("No such agreement.")) : (agreement, null);
    }

    /// <summary>As <see cref="AgreementForWriteAsync"/>, then 404 for a signatory not of that agreement.</summary>
    public static async Task<(AgreementSignatory? Signatory, Outcome<Guid>? Refusal)> SignatoryForWriteAsync(this JoineryDb db, Guid partnershipId, Guid agreementId,
        Guid signatoryId, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return (null, refusal);
        }
        var signatory = await db.Set<AgreementSignatory>()
            .FirstOrDefaultAsync(s => s.Id == signatoryId && s.AgreementId == agreementId && s.PartnershipId == partnershipId, cancellationToken);
        return signatory is null ? (null, Outcome<Guid>.NotFound("No such signatory.")) : (signatory, null);
    }

    /// <summary>The terms and parties of an input, every problem added to <paramref name="check"/>; parties null when the input gives none.</summary>
    public static (AgreementTerms Terms, List<Guid>? Parties) Terms(Validation check, AgreementInput input, IReadOnlyList<PartnerName> partners)
    {
        var title = check.Text("title", "a title", input.Title, Agreement.TitleMax);
        var status = string.IsNullOrWhiteSpace(input.Status)
            ? AgreementStatus.Draft
            : check.Choice<AgreementStatus>("status", "a status", input.Status) ?? AgreementStatus.Draft;
        var effective = check.Date("effectiveOn", "the effective date", input.EffectiveOn);
        var expires = check.Date("expiresOn", "the expiry date", input.ExpiresOn);
        var notice = check.Date("renewalNoticeOn", "the renewal notice date", input.RenewalNoticeOn);
        var days = check.Whole("noticeDays", "the notice period in days", input.NoticeDays, 0, Agreement.NoticeDaysMax);
        if (effective is { } e && expires < e)
        {
            check.Add("expiresOn", "The expiry date must be on or after the effective date.");
        }
        if (notice > expires)
        {
            check.Add("renewalNoticeOn", "The renewal notice date must be on or before the expiry date.");
        }
        var notes = check.Prose("notes", "the notes", input.Notes, Agreement.NotesMax);
        List<Guid>? parties = null;
        if (input.Parties is { } given)
        {
            parties = given.Distinct().ToList();
            if (parties.Any(id => partners.All(p => p.OrganizationId != id)))
            {
                check.Add("parties", "Choose the parties from the partners of this partnership.");
            }
            else if (parties.Count == 0)
            {
                check.Add("parties", "Choose at least one partner as a party.");
            }
        }
        return (new AgreementTerms(title, status, effective, expires, notice, days, notes), parties);
    }
}
