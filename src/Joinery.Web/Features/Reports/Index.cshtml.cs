using Joinery.Core.Data;
using Joinery.Core.Documents;
using Joinery.Core.Reports;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Reports;

[InNavigation(NavGroup.Report, 1, "Board report", "/report")]
public sealed class IndexModel(JoineryDb db, PartnershipReport report) : PartnershipPage(db)
{
    public PartnershipDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(PdfWriter.Write(Document, Db.Now), "application/pdf", ReportsApi.PdfName(Partnership.Name))
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "report", cancellationToken))
        {
            return false;
        }
        Document = (await report.BuildAsync(id, cancellationToken))!;
        return true;
    }
}
