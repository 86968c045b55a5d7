using Joinery.Core.Documents;
using Joinery.Core.Formalize;
using Joinery.Core.Reports;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Reports;

/// <summary>The demo's board report and draft MOU, written as PDF and read back, keep every word of the document whole on its line.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class DemoDocumentsTests(SharedCliSession shared)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
    private readonly CliSession _cli = shared.Cli;

    private async Task<(PartnershipDocument Report, PartnershipDocument Mou)> DemoDocumentsAsync()
    {
        var partnershipId = await _cli.SeedDemoAsync();
        await using var scope = _cli.Host.Scope();
        var report = (await scope.ServiceProvider.GetRequiredService<PartnershipReport>().BuildAsync(partnershipId)).ShouldNotBeNull();
        var mou = (await scope.ServiceProvider.GetRequiredService<MouDraft>().BuildAsync(partnershipId)).ShouldNotBeNull();
        return (report, mou);
    }

    /// <summary>Writes the PDF where JOINERY_DOCUMENTS_OUT says, to look at it (pdftoppm -png).</summary>
    private static byte[] Pdf(PartnershipDocument document, string name)
    {
        var bytes = PdfWriter.Write(document, Now);
        if (Environment.GetEnvironmentVariable("JOINERY_DOCUMENTS_OUT") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        return bytes;
    }

    [Fact]
    public async Task The_demo_report_pdf_breaks_lines_only_between_words()
    {
        var (report, _) = await DemoDocumentsAsync();

        var bytes = Pdf(report, "demo-report.pdf");

        PdfWords.Broken(report, bytes).ShouldBeEmpty("words of the report split across lines in the PDF");
        report.Blocks.OfType<Table>().Count().ShouldBeGreaterThan(5, "the demo report has the tables that used to split words");
    }

    [Fact]
    public async Task The_demo_mou_pdf_breaks_lines_only_between_words()
    {
        var (_, mou) = await DemoDocumentsAsync();

        var bytes = Pdf(mou, "demo-mou.pdf");

        PdfWords.Broken(mou, bytes).ShouldBeEmpty("words of the MOU split across lines in the PDF");
        mou.Blocks.OfType<Table>().ShouldContain(t => t.Caption == "Costs and who pays them");
    }
}
