using System.Text.RegularExpressions;
using Joinery.Core.Data;
using Joinery.Core.Documents;
using Joinery.Core.Partnerships;
using Joinery.Core.Reports;
using Joinery.Web.Infrastructure;

namespace Joinery.Web.Features.Reports;

internal static partial class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}").WithTags("Reports");
        group.MapGet("/report.pdf", PdfAsync).WithName("GetPartnershipReport")
            .WithSummary("The partnership report for boards and funders, as PDF: partners, mission, level, phase and gates, expectations, measures with run charts, health signals.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }

    /// <summary>"Riverbend and Oak: 2026" → "riverbend-and-oak-2026-report.pdf": safe in a header and on any disk.</summary>
    public static string PdfName(string partnershipName) => $"{FileSafe(partnershipName)}-report.pdf";

    public static string FileSafe(string name) =>
        NotWord().Replace(name.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } safe ? safe[..Math.Min(safe.Length, 60)].Trim('-') : "partnership";

    private static async Task<IResult> PdfAsync(Guid id, PartnershipReport report, JoineryDb db, CancellationToken cancellationToken)
    {
        var document = await report.BuildAsync(id, cancellationToken);
        return document is null
            ? Problems.NotFound()
            : TypedResults.File(PdfWriter.Write(document, db.Now), "application/pdf", PdfName((await db.GetPartnershipAsync(id, cancellationToken))!.Name));
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWord();
}
