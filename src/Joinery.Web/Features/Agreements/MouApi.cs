using Joinery.Core.Agreements;
using Joinery.Core.Data;
using Joinery.Core.Documents;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Reports;
using Joinery.Web.Infrastructure;

namespace Joinery.Web.Features.Agreements;

internal static class MouApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapMouApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}").WithTags("Agreements");
        group.MapGet("/mou.docx", DocxAsync).WithName("GetMouDocx")
            .WithSummary("The draft memorandum of understanding, assembled from the partnership's records, as an editable Word document (a draft for legal review).")
            .Produces(StatusCodes.Status200OK, contentType: DocxType);
        group.MapGet("/mou.pdf", PdfAsync).WithName("GetMouPdf")
            .WithSummary("The same draft memorandum of understanding as PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }

    public static string FileName(string partnershipName, string extension) => $"{ReportsApi.FileSafe(partnershipName)}-mou-draft.{extension}";

    private static async Task<IResult> DocxAsync(Guid id, MouDraft mou, JoineryDb db, CancellationToken cancellationToken) =>
        await mou.BuildAsync(id, cancellationToken) is { } document
            ? TypedResults.File(DocxWriter.Write(document), DocxType, FileName((await db.GetPartnershipAsync(id, cancellationToken))!.Name, "docx"))
            : Problems.NotFound();

    private static async Task<IResult> PdfAsync(Guid id, MouDraft mou, JoineryDb db, CancellationToken cancellationToken) =>
        await mou.BuildAsync(id, cancellationToken) is { } document
            ? TypedResults.File(PdfWriter.Write(document, db.Now), "application/pdf", FileName((await db.GetPartnershipAsync(id, cancellationToken))!.Name, "pdf"))
            : Problems.NotFound();
}
