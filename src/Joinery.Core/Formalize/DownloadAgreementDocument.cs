using System.Globalization;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>The document attached to an agreement, or null; each download is audited (with its size, never its name).</summary>
public sealed class DownloadAgreementDocument(JoineryDb db)
{
    public async Task<DocumentFile?> RunAsync(Guid partnershipId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var document = await db.Set<AgreementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.AgreementId == agreementId && d.PartnershipId == partnershipId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        db.Audit("agreement-document.downloaded", "agreement-document", document.Id.ToString(), partnershipId,
            document.Size.ToString(CultureInfo.InvariantCulture) + " bytes");
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentFile(document.FileName, document.ContentType, document.Content);
    }
}
