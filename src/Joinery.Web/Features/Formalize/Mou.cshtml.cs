using Joinery.Core.Data;
using Joinery.Core.Documents;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

[InNavigation(NavGroup.Formalize, 4, "MOU builder", "/mou")]
public sealed class MouModel(JoineryDb db, MouDraft mou) : PartnershipPage(db)
{
    public PartnershipDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(DocxWriter.Write(Document), MouApi.DocxType, MouApi.FileName(Partnership.Name, "docx"))
            : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(PdfWriter.Write(Document, Db.Now), "application/pdf", MouApi.FileName(Partnership.Name, "pdf"))
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "agreements", cancellationToken))
        {
            return false;
        }
        Document = (await mou.BuildAsync(id, cancellationToken))!;
        return true;
    }
}
