using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using UglyToad.PdfPig;

namespace Joinery.Tests.Reports;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class PartnershipReportTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive, champion: true)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .BuildAsync();

    private static string Month(int monthsAgo) => TestClock.Month(-monthsAgo);

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task The_report_pdf_names_the_partners_the_measures_with_their_charts_and_the_warning_signs_and_is_audited()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var measures = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(measures, new { name = "Days to first visit", kind = "value", betterDirection = "down", unit = "days", target = 7 }, HttpStatusCode.Created)).Text("id");
        for (var i = 12; i >= 1; i--)
        {
            await api.PostJsonAsync($"{measures}/{id}/points", new { period = Month(i), value = 20 - i }, HttpStatusCode.Created);
        }
        var checkpoint = await app.AuditCheckpointAsync();

        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/report.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldEndWith("-report.pdf");
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[] { "partnership report", "The partners", "Days to first visit", "Run chart: Days to first visit", "12 months from", "Agreements", "[Required but not recorded yet. Every partnership needs a memorandum of understanding", "Milestones", "Partnership health" })
        {
            text.ShouldContain(Squash(expected), customMessage: expected);
        }
        foreach (var partner in await app.ReadAsync(db => Task.FromResult(db.Organizations.Where(o => p.Partners.Contains(o.Id)).Select(o => o.Name).ToList())))
        {
            text.ShouldContain(Squash(partner));
        }
        text.ShouldContain(Squash("[The partners have not drafted a shared mission yet.]"), customMessage: "what is missing is marked, not invented");
        (await app.AuditSinceAsync(checkpoint)).ShouldContain(a => a.Action == "report.generated" && a.PartnershipId == p.Id && a.UserId == p.Steward.UserId);
    }

    [Fact]
    public async Task The_report_page_shows_the_same_document_with_gaps_marked_and_offers_the_pdf()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var page = await browser.GetStringAsync($"/partnerships/{p.Id}/report");
        var pdf = await browser.GetAsync($"/partnerships/{p.Id}/report?handler=Pdf");

        page.ShouldContain("<h3>Shared mission and vision</h3>");
        page.ShouldContain("<mark class=\"gap\">[The partners have not drafted a shared mission yet.]</mark>");
        page.ShouldContain($"href=\"/partnerships/{p.Id}/report?handler=Pdf\"");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        PdfText(await pdf.Content.ReadAsByteArrayAsync()).ShouldContain(Squash("The partners have not drafted a shared mission yet."));
    }

    [Fact]
    public async Task Markup_in_recorded_text_is_shown_as_text_on_the_report_page()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var measures = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(measures,
            new { name = "Visits", whyItMatters = "<script>alert(1)</script> matters", kind = "value", betterDirection = "up", unit = "visits" }, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"{measures}/{id}/points", new { period = Month(1), value = 3 }, HttpStatusCode.Created);
        var browser = await app.SignedInAsync(p.Steward);

        var page = await browser.GetStringAsync($"/partnerships/{p.Id}/report");

        page.ShouldNotContain("<script>alert(1)</script>");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; matters");
    }
}
