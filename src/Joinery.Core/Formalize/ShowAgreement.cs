using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>One agreement with its parties, signatories, checklist and document; null when it is not the caller's to see.</summary>
public sealed class ShowAgreement(JoineryDb db, AgreementList list)
{
    public async Task<AgreementDetails?> RunAsync(Guid partnershipId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, cancellationToken);
        if (agreement is null)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var summary = (await list.ReadAsync(partnershipId, cancellationToken)).Single(a => a.Id == agreementId);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var partyIds = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.AgreementId == agreementId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var signatories = await (from s in db.Set<AgreementSignatory>().AsNoTracking()
                                 join o in db.Organizations on s.OrganizationId equals o.Id
                                 where s.AgreementId == agreementId && s.PartnershipId == partnershipId
                                 select new SignatoryView(s.Id, s.Name, s.Title, s.OrganizationId, o.Name, s.SignedOn)).ToListAsync(cancellationToken);
        var checks = await (from c in db.Set<AgreementElementCheck>().AsNoTracking()
                            join u in db.Users on c.ReviewedByUserId equals u.Id
                            where c.AgreementId == agreementId && c.PartnershipId == partnershipId
                            select new { c.Code, c.Done, c.Note, u.DisplayName, c.ReviewedAt }).ToListAsync(cancellationToken);
        var document = await (from d in db.Set<AgreementDocument>().AsNoTracking()
                              join u in db.Users on d.UploadedByUserId equals u.Id
                              where d.AgreementId == agreementId && d.PartnershipId == partnershipId
                              select new DocumentInfo(d.Id, d.FileName, d.ContentType, d.Size, d.Sha256, u.DisplayName, d.UploadedAt)).FirstOrDefaultAsync(cancellationToken);
        var checklist = AgreementChecklists.For(agreement.Type).Select(e =>
        {
            var c = checks.FirstOrDefault(x => x.Code == e.Code);
            return new ChecklistItemView(e.Code, e.Text, c?.Done == true, c?.Note ?? "", c?.DisplayName, c?.ReviewedAt);
        }).ToList();
        return new AgreementDetails(summary, agreement.NoticeDays, agreement.RenewalNoticeOn, agreement.Notes, partners.Where(p => partyIds.Contains(p.OrganizationId)).ToList(),
            partners, signatories.OrderBy(s => s.OrganizationName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList(), checklist, document,
            me is not null && me.Role != MemberRole.Viewer);
    }
}
