using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Joinery.Core.Measures;

namespace Joinery.Core.Documents;

/// <summary>
/// Writes a <see cref="PartnershipDocument"/> as an editable Word document: real headings (so the
/// navigation pane and a table of contents work), lists, tables, and gaps as yellow-highlighted
/// bracketed text the partners replace. Charts, which Word cannot draw from data, become their
/// data table and description.
/// </summary>
public static class DocxWriter
{
    public static byte[] Write(PartnershipDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Subject = document.Subtitle;
            word.PackageProperties.Creator = "Joinery";
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var body = new Body();
            body.Append(Para(document.Title, "Title"));
            body.Append(Para(document.Subtitle, "Subtitle"));
            if (document.Notice is { } notice)
            {
                body.Append(Notice(notice));
            }
            foreach (var block in document.Blocks)
            {
                foreach (var element in Elements(block))
                {
                    body.Append(element);
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 12240U, Height = 15840U },
                new PageMargin { Top = 1080, Bottom = 1080, Left = 1080U, Right = 1080U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Elements(Block block)
    {
        switch (block)
        {
            case Heading h:
                yield return Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2");
                break;
            case Paragraph p:
                yield return Para(p);
                break;
            case BulletList l:
                foreach (var item in l.Items)
                {
                    yield return ListItem(item);
                }
                break;
            case Table t:
                yield return Para(t.Caption, "Caption");
                yield return TableOf(t.Headers, t.Rows);
                break;
            case ChartBlock c:
                var drawing = new ChartDrawing(c.Chart);
                yield return Para(c.Caption, "Caption");
                yield return Para(Paragraph.Of(drawing.Description));
                yield return TableOf(
                    ["Month", c.Chart.Kind == MeasureKind.Proportion ? "Rate" : "Value", "Note"],
                    c.Chart.Points.Select(p => (IReadOnlyList<Paragraph>)[Paragraph.Of(p.Period), Paragraph.Of(drawing.Format(p.Value)),
                        Paragraph.Of(p.Astronomical ? "flagged astronomical" : "")]).ToList());
                break;
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(string text, string style) =>
        Para(Paragraph.Of(text), style);

    /// <summary>The numbering instance of bulleted lists (see <see cref="AddNumbering"/>).</summary>
    private const int BulletNumbering = 1;

    /// <summary>A real Word list item: the bullet comes from the numbering definition, so Word indents, continues and restyles the list itself.</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph ListItem(Paragraph item)
    {
        var p = Para(item);
        p.PrependChild(new ParagraphProperties(
            new ParagraphStyleId { Val = "ListBullet" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumbering })));
        return p;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(Paragraph paragraph, string? style = null)
    {
        var p = new DocumentFormat.OpenXml.Wordprocessing.Paragraph();
        if (style is not null)
        {
            p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        foreach (var span in paragraph.Spans)
        {
            p.Append(RunOf(span));
        }
        return p;
    }

    private static Run RunOf(Span span)
    {
        var run = new Run();
        if (span.Kind == SpanKind.Strong)
        {
            run.Append(new RunProperties(new Bold()));
        }
        else if (span.Kind == SpanKind.Gap)
        {
            run.Append(new RunProperties(new Italic(), new Highlight { Val = HighlightColorValues.Yellow }));
        }
        var text = span.Kind == SpanKind.Gap ? $"[{span.Text}]" : span.Text;
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Notice(string notice)
    {
        var border = new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = 12U, Space = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 12U, Space = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 12U, Space = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 12U, Space = 4U });
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(border),
            new Run(new RunProperties(new Bold()), new Text(notice) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table TableOf(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<Paragraph>> rows)
    {
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U },
                new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U },
                new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U }),
            // The schema's order: the layout comes after the borders.
            new TableLayout { Type = TableLayoutValues.Autofit }));
        // Word needs the grid before the rows. The columns are sized by their content, as in the PDF
        // (ColumnWidths), from an average character width; Word's autofit layout refines them when it opens.
        var widths = ColumnWidthsOf(headers, rows);
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = width });
        }
        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < headers.Count; i++)
        {
            header.Append(Cell(widths[i], Para(new Paragraph([new Span(headers[i], SpanKind.Strong)]))));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < headers.Count; i++)
            {
                tr.Append(Cell(widths[i], Para(i < row.Count ? row[i] : Paragraph.Of(""))));
            }
            table.Append(tr);
        }
        return table;
    }

    /// <summary>Twentieths of a point for one character of the body font, on average, and for a cell's padding.</summary>
    private const double CharacterTwips = 105, CellPaddingTwips = 230, TextWidthTwips = 10800;

    /// <summary>Each column's width in twentieths of a point: its longest word at least, the rest by its longest cell (<see cref="ColumnWidths"/>).</summary>
    private static string[] ColumnWidthsOf(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<Paragraph>> rows)
    {
        var needs = headers.Select((h, i) =>
        {
            var cells = rows.Select(r => i < r.Count ? string.Concat(r[i].Spans.Select(x => x.Text)) : "").Append(h).ToList();
            var longestWord = cells.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Length).DefaultIfEmpty(1).Max();
            var natural = cells.Max(c => c.Length);
            return new ColumnWidths.Need((longestWord * CharacterTwips) + CellPaddingTwips, (natural * CharacterTwips) + CellPaddingTwips);
        }).ToList();
        return ColumnWidths.Share(needs, TextWidthTwips).Select(w => ((int)Math.Round(w)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static TableCell Cell(string width, DocumentFormat.OpenXml.Wordprocessing.Paragraph content) =>
        new(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width }), content);

    /// <summary>One bulleted list definition: a round bullet, hanging a quarter inch, then a dash and a square for nested levels.</summary>
    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        var bullets = new[] { "•", "–", "▪" };
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = BulletNumbering };
        for (var level = 0; level < bullets.Length; level++)
        {
            var indent = 360 * (level + 1);
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = bullets[level] },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Hanging = "360",
                }))
            { LevelIndex = level });
        }
        part.Numbering = new Numbering(abstractNum, new NumberingInstance(new AbstractNumId { Val = BulletNumbering }) { NumberID = BulletNumbering });
        part.Numbering.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "21" }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", 40, bold: true),
            Style("Subtitle", "Subtitle", 26),
            Style("Heading1", "heading 1", 30, bold: true, outline: 0),
            Style("Heading2", "heading 2", 24, bold: true, outline: 1),
            Style("Caption", "caption", 20, bold: true),
            Style("ListBullet", "List Bullet", null));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, int? halfPoints, bool bold = false, int? outline = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        // Schema order: keepNext, spacing, outlineLvl.
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }
        paragraph.Append(new SpacingBetweenLines { After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }
        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }
        if (halfPoints is { } size)
        {
            run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        style.Append(run);
        return style;
    }
}
