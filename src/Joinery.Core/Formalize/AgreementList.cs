using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>
/// Every agreement of a partnership as the register reads it, ordered by type and title: parties,
/// whether a document is attached, how much of the checklist is ticked, and whether it is in force
/// today. Shared by the register, the gate, the health signals, the MOU builder and the close-out;
/// the caller has checked that the partnership is visible.
/// </summary>
public sealed class AgreementList(JoineryDb db)
{
    public async Task<List<AgreementSummary>> ReadAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var agreements = await db.Set<Agreement>().AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var parties = await (from p in db.Set<AgreementParty>().AsNoTracking()
                             join o in db.Organizations on p.OrganizationId equals o.Id
                             where p.PartnershipId == partnershipId
                             select new { p.AgreementId, o.Name }).ToListAsync(cancellationToken);
        var documents = await db.Set<AgreementDocument>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.AgreementId).ToListAsync(cancellationToken);
        var checks = await db.Set<AgreementElementCheck>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Done)
            .Select(c => new { c.AgreementId, c.Code }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        return agreements.OrderBy(a => a.Type).ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase).Select(a =>
        {
            var list = AgreementChecklists.For(a.Type);
            return new AgreementSummary(a.Id, a.Type, a.Title, a.Status, a.EffectiveOn, a.ExpiresOn, a.NoticeOn(),
                parties.Where(p => p.AgreementId == a.Id).Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), documents.Contains(a.Id),
                checks.Count(c => c.AgreementId == a.Id && list.Any(e => e.Code == c.Code)), list.Count, Agreement.IsInForce(a.Status, a.ExpiresOn, today));
        }).ToList();
    }
}
