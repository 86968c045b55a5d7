using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using UglyToad.PdfPig;

namespace Joinery.Tests.Reports;

/// <summary>The MOU builder drafts from the records, marks every gap, says it is a draft for legal review, and says the same in Word, PDF and on the page.</summary>
public sealed class MouDraftTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<(SeededPartnership P, HttpClient Api)> RecordedAsync()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive, champion: true)
            .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
            .BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", new
        {
            term = "Warm handoff",
            category = "procedures",
            behavioralHealthUsage = "Introduction in person.",
            primaryCareUsage = "Same-day introduction.",
            definition = "A clinician introduces the patient to a colleague of the other partner in person, the same day.",
            status = "agreed",
        }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/integration-level/decisions", new { currentLevel = 2, targetLevel = 4 }, HttpStatusCode.Created);
        return (p, api);
    }

    [Fact]
    public async Task The_word_draft_is_valid_says_it_is_for_legal_review_and_carries_the_recorded_terms_with_gaps_highlighted()
    {
        var (p, api) = await RecordedAsync();
        var checkpoint = await app.AuditCheckpointAsync();

        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/mou.docx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith("-mou-draft.docx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(word).Select(e => e.Description).ShouldBeEmpty();
        var body = word.MainDocumentPart!.Document.Body!;
        body.InnerText.ShouldContain(MouDraft.Notice);
        var headings = body.Descendants<Paragraph>().Where(x => x.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(x => x.InnerText).ToList();
        headings.Count.ShouldBe(20, "the sections of frameworks.md §9.1");
        headings[2].ShouldBe("3. Definitions");
        headings[^1].ShouldBe("20. Signatures");
        body.InnerText.ShouldContain("Warm handoff: A clinician introduces the patient to a colleague of the other partner in person, the same day.");
        body.InnerText.ShouldContain("aim for level 4");
        var gaps = body.Descendants<Run>().Where(r => r.RunProperties?.Highlight?.Val?.Value == HighlightColorValues.Yellow).Select(r => r.InnerText).ToList();
        gaps.ShouldContain("[date this memorandum takes effect]");
        gaps.ShouldContain("[The partners' shared vision and mission (step 1 of Joinery).]", "no mission recorded: a gap, not invented text");
        gaps.ShouldAllBe(g => g.StartsWith('[') && g.EndsWith(']'));
        (await app.AuditSinceAsync(checkpoint)).ShouldContain(a => a.Action == "mou.drafted" && a.PartnershipId == p.Id);
    }

    [Fact]
    public async Task The_pdf_and_the_preview_page_say_the_same_as_the_word_draft()
    {
        var (p, api) = await RecordedAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var pdfBytes = await (await api.GetAsync($"/api/v1/partnerships/{p.Id}/mou.pdf")).Content.ReadAsByteArrayAsync();
        var docx = await (await api.GetAsync($"/api/v1/partnerships/{p.Id}/mou.docx")).Content.ReadAsByteArrayAsync();
        var page = await browser.GetStringAsync($"/partnerships/{p.Id}/mou");

        using var pdf = PdfDocument.Open(pdfBytes);
        var pdfText = Squash(string.Concat(pdf.GetPages().Select(x => x.Text)));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(x => x.InnerText).Where(t => t.Length > 0).ToList();
        paragraphs.Count.ShouldBeGreaterThan(40);
        foreach (var paragraph in paragraphs)
        {
            pdfText.ShouldContain(Squash(paragraph), customMessage: "in the PDF too");
        }
        page.ShouldContain("<h3>3. Definitions</h3>");
        page.ShouldContain("<mark class=\"gap\">[date this memorandum takes effect]</mark>");
        page.ShouldContain("A clinician introduces the patient to a colleague of the other partner in person, the same day.");
        page.ShouldContain($"href=\"/partnerships/{p.Id}/mou?handler=Docx\"");
        (await browser.GetAsync($"/partnerships/{p.Id}/mou?handler=Pdf")).Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Services_agreements_and_costs_recorded_in_formalize_fill_their_sections_and_required_agreements_missing_stay_gaps()
    {
        var (p, api) = await RecordedAsync();
        var url = $"/api/v1/partnerships/{p.Id}";
        await api.PostJsonAsync($"{url}/services", new
        {
            name = "Medication for opioid use disorder",
            description = "Induction and follow-up.",
            deliveredBy = p.Partners[0],
            billedBy = p.Partners[0],
            site = "Riverside clinic",
            payers = new[] { "medicaid" },
            scope = "referral",
            involvesPart2 = true,
        }, HttpStatusCode.Created);
        await api.PostJsonAsync($"{url}/finances", new { category = "space", description = "Consult room two days a week", organization = p.Partners[1], amount = "1234.56", period = "monthly" },
            HttpStatusCode.Created);
        await api.PostJsonAsync($"{url}/agreements", new { type = "mou", title = "Memorandum of understanding", status = "in-review" }, HttpStatusCode.Created);

        using var word = WordprocessingDocument.Open(new MemoryStream(await (await api.GetAsync($"{url}/mou.docx")).Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(x => x.InnerText));

        text.ShouldContain("Medication for opioid use disorder: Induction and follow-up.");
        text.ShouldContain("by formal referral arrangement (column III)");
        text.ShouldContain("Qualified service organization agreement (42 CFR Part 2): [Required but not recorded yet. Substance use disorder records");
        text.ShouldContain("Business associate agreement: not required by the services recorded.");
        text.ShouldContain("Consult room two days a week (space)");
        text.ShouldContain("$1,234.56", customMessage: "money exact to the cent");
    }
}
