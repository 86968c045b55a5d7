using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Joinery.Core.Formalize;

/// <summary>Attaches a PDF or Word document to an agreement (its type decided from its content, never its name), replacing the previous one.</summary>
public sealed class AttachAgreementDocument(JoineryDb db, IOptions<UploadOptions> uploads)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreementId, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await db.AgreementForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        if (content.Length == 0)
        {
            return Outcome<Guid>.Invalid("file", "Choose a PDF or Word (.docx) file to attach.");
        }
        if (content.Length > Math.Min(AgreementDocument.MaxBytes, uploads.Value.MaxDocumentBytes))
        {
            return Outcome<Guid>.Invalid("file", $"The file is larger than {uploads.Value.MaxDocumentMegabytes} MB.");
        }
        var inspected = DocumentSniffer.Inspect(content);
        if (inspected.Value is not { } contentType)
        {
            return inspected.As<Guid>();
        }
        var previous = await db.Set<AgreementDocument>().Where(d => d.AgreementId == agreementId).ToListAsync(cancellationToken);
        if (previous.Count > 0)
        {
            db.Set<AgreementDocument>().RemoveRange(previous);
            // The unique index on the agreement needs the old row gone before the new one goes in.
            await db.SaveChangesAsync(cancellationToken);
        }
        var document = AgreementDocument.Attach(agreement, DocumentSniffer.SafeName(fileName, contentType), contentType, content, db.Tenancy.UserId!.Value, db.Now);
        db.Set<AgreementDocument>().Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(document.Id);
    }
}
