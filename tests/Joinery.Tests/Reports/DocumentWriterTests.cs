using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Joinery.Core.Documents;
using Joinery.Core.Formalize;
using Joinery.Core.Measures;
using UglyToad.PdfPig;
using Paragraph = Joinery.Core.Documents.Paragraph;
using Table = Joinery.Core.Documents.Table;

namespace Joinery.Tests.Reports;

/// <summary>The Word and PDF writers carry every block of a document, mark gaps, and cope with any script and any length.</summary>
public sealed class DocumentWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private static MeasureChart Chart()
    {
        var partnershipId = Guid.NewGuid();
        var measure = new Measure { PartnershipId = partnershipId, Name = "Days to first visit", Kind = MeasureKind.Value, Unit = "days", BetterDirection = BetterDirection.Down, Target = 7 };
        var points = Enumerable.Range(0, 14).Select(i => new MeasurePoint
        {
            PartnershipId = partnershipId,
            MeasureId = measure.Id,
            RecordedByUserId = Guid.NewGuid(),
            Period = new DateOnly(2025, 1, 1).AddMonths(i),
            Value = i < 7 ? 20 + (i % 3) : 10 + (i % 2),
        }).ToList();
        return MeasureCharts.Build(measure, points, []);
    }

    private static PartnershipDocument Sample(int paragraphs = 3) => new("Riverbend and Eastside: partnership report", "Two partners · November 24, 2026",
    [
        new Heading("The partners"),
        Paragraph.Field("Vision", "Zoë Ñandú, Ελένη, Пётр and 李小龍 get care for body and mind — in one place.", "no vision"),
        Paragraph.Field("Mission", null, "no mission written"),
        new BulletList([Paragraph.Of("First point"), Paragraph.Of("Second point")]),
        new Table("Partners and champions", ["Partner", "Champions"],
        [
            [Paragraph.Of("Eastside Community Health Center"), Paragraph.Gap("no champion named yet")],
            [Paragraph.Of("Riverbend"), Paragraph.Of("Priya Natarajan (Manager)")],
        ]),
        new Heading("Outcome measures"),
        new ChartBlock("Run chart: Days to first visit", Chart()),
        .. Enumerable.Range(1, paragraphs).Select(i => Paragraph.Of($"Paragraph {i}: " + string.Concat(Enumerable.Repeat("words that wrap across the line ", 12)))),
        Paragraph.Of("https://example.org/" + new string('x', 400)),
    ])
    { Notice = "Draft for legal review." };

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void The_pdf_carries_every_block_as_text_marks_gaps_in_brackets_and_prints_what_its_font_lacks_as_question_marks()
    {
        var bytes = PdfWriter.Write(Sample(), Now);

        using var pdf = PdfDocument.Open(bytes);
        var text = Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var expected in new[]
                 {
                     "Riverbend and Eastside: partnership report", "Draft for legal review.", "The partners", "Zoë Ñandú, Ελένη, Пётр and ??? get care",
                     "[no mission written]", "First point", "Partners and champions", "[no champion named yet]", "Priya Natarajan (Manager)",
                     "Run chart: Days to first visit", "Key: solid line and dots: data", "Paragraph 3:", "generated Nov 24, 2026 09:30 UTC · page 1",
                 })
        {
            text.ShouldContain(Squash(expected), customMessage: expected);
        }
        pdf.Information.Title.ShouldBe("Riverbend and Eastside: partnership report");
    }

    [Fact]
    public void A_crowded_table_keeps_every_word_whole_and_sizes_its_columns_by_their_content()
    {
        string[] headers = ["Partner", "Kind", "Members", "Champions", "Status", "Planned", "Achieved", "Celebrated"];
        var rows = Enumerable.Range(0, 6).Select(i => (IReadOnlyList<Paragraph>)
        [
            Paragraph.Of("Eastside Community Health Center"), Paragraph.Of("Behavioral health"), Paragraph.Of($"{i + 6}"),
            Paragraph.Of("Priya Natarajan (Manager); Sam Keller (Frontline)"), new Paragraph([new Span("Not started", SpanKind.Strong)]),
            Paragraph.Of($"2026-11-0{i + 1}"), Paragraph.Gap("not yet"), Paragraph.Of("Both executives read the mission aloud at the joint meeting."),
        ]).ToList();
        var document = new PartnershipDocument("Crowded", "A table with eight columns", [new Table("Eight columns", headers, rows)]);

        var bytes = PdfWriter.Write(document, Now);

        PdfWords.Broken(document, bytes).ShouldBeEmpty();
        using var pdf = PdfDocument.Open(bytes);
        pdf.GetPage(1).Letters.ShouldAllBe(l => l.Location.X >= 50 && l.Location.X <= pdf.GetPage(1).Width - 50, "the table stays within the margins");
    }

    [Fact]
    public void A_word_wider_than_its_column_is_the_only_one_cut_and_it_is_hyphenated()
    {
        var address = "https://example.org/" + new string('x', 200);
        var document = new PartnershipDocument("Long", "One word wider than the page", [new Table("Links", ["Link", "Note"], [[Paragraph.Of(address), Paragraph.Of("Kept whole")]])]);

        var words = PdfWords.Read(PdfWriter.Write(document, Now));

        words.ShouldContain("Kept");
        words.ShouldContain(w => w.StartsWith("https://example.org/", StringComparison.Ordinal) && w.EndsWith('-'), "the cut is marked with a hyphen");
        string.Concat(words.Where(w => w.Contains('x', StringComparison.Ordinal)).Select(w => w.TrimEnd('-'))).ShouldBe(address);
    }

    [Fact]
    public void A_long_pdf_flows_onto_numbered_pages_within_the_margins()
    {
        var bytes = PdfWriter.Write(Sample(paragraphs: 120), Now);

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBeGreaterThan(5);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain($"· page {page.Number}", Case.Sensitive, "every page carries its number in the footer");
            page.Letters.ShouldAllBe(l => l.Location.X >= 50 && l.Location.X <= page.Width - 50, "no text outside the side margins");
        }
    }

    [Fact]
    public void The_word_document_is_valid_with_real_headings_lists_tables_and_highlighted_gaps()
    {
        var bytes = DocxWriter.Write(Sample());

        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(word).Select(e => e.Description).ShouldBeEmpty();
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText)
            .ShouldBe(["The partners", "Outcome measures"]);
        var items = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        items.Select(p => p.InnerText).ShouldBe(["First point", "Second point"], "list items are Word list paragraphs");
        paragraphs.ShouldNotContain(p => p.InnerText.TrimStart().StartsWith('•'), "no typed bullet characters");
        var numbering = word.MainDocumentPart.NumberingDefinitionsPart.ShouldNotBeNull().Numbering;
        var instance = numbering.Elements<NumberingInstance>().ShouldHaveSingleItem();
        items.ShouldAllBe(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val! == instance.NumberID!.Value);
        var list = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
        list.Elements<Level>().First().NumberingFormat!.Val!.Value.ShouldBe(NumberFormatValues.Bullet);
        body.InnerText.ShouldContain("Zoë Ñandú, Ελένη, Пётр and 李小龍", customMessage: "Word keeps every character");
        body.InnerText.ShouldContain("Draft for legal review.");
        var gaps = body.Descendants<Run>().Where(r => r.RunProperties?.Highlight?.Val?.Value == HighlightColorValues.Yellow).Select(r => r.InnerText).ToList();
        gaps.ShouldBe(["[no mission written]", "[no champion named yet]"]);
        var tables = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        tables.Count.ShouldBe(2, "the partners table and the chart's data table");
        tables[1].Descendants<TableRow>().Count().ShouldBe(15, "a header and one row per month of the chart");
        word.PackageProperties.Title.ShouldBe("Riverbend and Eastside: partnership report");
    }

    [Fact]
    public void Word_tables_autofit_and_size_their_columns_by_their_content()
    {
        var rows = new List<IReadOnlyList<Paragraph>>
        {
            new[] { Paragraph.Of("1"), Paragraph.Of("A long description that needs most of the width of the page to read well on one line") },
            new[] { Paragraph.Of("2"), Paragraph.Of("Short") },
        };
        var bytes = DocxWriter.Write(new PartnershipDocument("Widths", "Two columns", [new Table("Items", ["#", "Description"], rows)]));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(word).Select(e => e.Description).ShouldBeEmpty();
        var table = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        table.GetFirstChild<TableProperties>()!.GetFirstChild<TableLayout>()!.Type!.Value.ShouldBe(TableLayoutValues.Autofit);
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        widths.Count.ShouldBe(2);
        widths[0].ShouldBeLessThan(widths[1] / 5, "the number column needs little, the description the rest");
        widths.Sum().ShouldBeInRange(10790, 10810, "the table spans the 7.5-inch text width");
    }

    [Fact]
    public void The_pdf_and_the_word_document_joinery_writes_pass_the_upload_checks_so_a_draft_can_be_attached()
    {
        DocumentSniffer.Sniff(PdfWriter.Write(Sample(paragraphs: 120), Now)).ShouldBe(DocumentSniffer.Pdf);
        DocumentSniffer.Sniff(DocxWriter.Write(Sample(paragraphs: 120))).ShouldBe(DocumentSniffer.Docx);
    }

    [Fact]
    public void Gaps_are_counted_so_a_page_can_say_how_much_is_left_to_fill()
    {
        Sample().GapCount.ShouldBe(2);
    }
}
