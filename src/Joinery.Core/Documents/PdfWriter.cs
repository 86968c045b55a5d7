using System.Reflection;
using Joinery.Core.Common;
using Joinery.Core.Measures;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Joinery.Core.Documents;

/// <summary>
/// Writes a <see cref="PartnershipDocument"/> as a US Letter PDF meant to be read printed in black
/// and white: text in black, gaps in brackets on a light grey ground, charts told apart by line
/// style and point shape rather than colour. The font (DejaVu Sans, licence in Documents/Fonts) is
/// embedded in the assembly, so no system fonts are needed and any script prints.
/// </summary>
public static class PdfWriter
{
    private const double PageWidth = 612, PageHeight = 792, Margin = 54;
    private const double ContentWidth = PageWidth - (2 * Margin);
    private const double BodySize = 10, SmallSize = 8;

    private static readonly Lazy<byte[]> Regular = new(() => FontBytes("DejaVuSans"));
    private static readonly Lazy<byte[]> Bold = new(() => FontBytes("DejaVuSans-Bold"));

    public static byte[] Write(PartnershipDocument document, DateTimeOffset generatedAt)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = document.Title;
        builder.DocumentInformation.Subject = document.Subtitle;
        builder.DocumentInformation.Creator = "Joinery";
        var writer = new Writer(builder, $"{document.Title} · generated {ShownDates.WithTime(generatedAt)} UTC");
        writer.Text(document.Title, 20, strong: true, after: 6);
        writer.Text(document.Subtitle, 12, strong: false, after: 14);
        if (document.Notice is { } notice)
        {
            writer.Notice(notice);
        }
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    writer.Heading(h);
                    break;
                case Paragraph p:
                    writer.Paragraph(p, Margin, ContentWidth, BodySize);
                    writer.Space(6);
                    break;
                case BulletList l:
                    foreach (var item in l.Items)
                    {
                        writer.Bullet(item);
                    }
                    writer.Space(4);
                    break;
                case Table t:
                    writer.Table(t);
                    break;
                case ChartBlock c:
                    writer.Chart(c);
                    break;
            }
        }
        return builder.Build();
    }

    private static byte[] FontBytes(string face)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"fonts/{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Lays text out top to bottom (y grows downwards here; PDF's grows upwards), starting a new
    /// page when the next piece does not fit.
    /// </summary>
    private sealed class Writer(PdfDocumentBuilder builder, string footer)
    {
        private readonly PdfDocumentBuilder.AddedFont _regular = builder.AddTrueTypeFont(Regular.Value);
        private readonly PdfDocumentBuilder.AddedFont _bold = builder.AddTrueTypeFont(Bold.Value);
        private PdfPageBuilder? _page;
        private int _pages;
        private double _y;

        private PdfPageBuilder Page => _page ?? NewPage();

        private PdfPageBuilder NewPage()
        {
            _page = builder.AddPage(PageSize.Letter);
            _pages++;
            _page.AddText(Printable($"{footer} · page {_pages}", _regular), SmallSize, new PdfPoint(Margin, Margin / 2), _regular);
            _y = Margin;
            return _page;
        }

        private void Room(double height)
        {
            if (_page is null || _y + height > PageHeight - Margin)
            {
                NewPage();
            }
        }

        private static PdfPoint At(double x, double y) => new(x, PageHeight - y);

        private static double LineHeight(double size) => size * 1.35;

        public void Space(double height) => _y += height;

        public void Text(string text, double size, bool strong, double after)
        {
            Paragraph(new Paragraph([new Span(text, strong ? SpanKind.Strong : SpanKind.Plain)]), Margin, ContentWidth, size);
            _y += after;
        }

        public void Heading(Heading heading)
        {
            var size = heading.Level <= 1 ? 14 : 11.5;
            // Keep a heading with the start of what follows it.
            Room(LineHeight(size) + (LineHeight(BodySize) * 8));
            _y += heading.Level <= 1 ? 10 : 6;
            Text(heading.Text, size, strong: true, after: 4);
            if (heading.Level <= 1)
            {
                Page.DrawLine(At(Margin, _y - 2), At(PageWidth - Margin, _y - 2), 0.6);
                _y += 4;
            }
        }

        public void Notice(string notice)
        {
            var lines = Wrap([new Span(notice, SpanKind.Strong)], ContentWidth - 16, BodySize);
            var height = (lines.Count * LineHeight(BodySize)) + 12;
            Room(height);
            Page.DrawRectangle(At(Margin, _y + height), ContentWidth, height, 1.2);
            _y += 6;
            foreach (var line in lines)
            {
                DrawLine(line, Margin + 8, BodySize);
            }
            _y += 16;
        }

        public void Paragraph(Paragraph paragraph, double x, double width, double size)
        {
            foreach (var line in Wrap(paragraph.Spans, width, size))
            {
                Room(LineHeight(size));
                DrawLine(line, x, size);
            }
        }

        public void Bullet(Paragraph item)
        {
            Room(LineHeight(BodySize));
            Page.AddText("•", BodySize, At(Margin + 4, _y + (BodySize * 0.95)), _regular);
            Paragraph(item, Margin + 16, ContentWidth - 16, BodySize);
            _y += 2;
        }

        public void Table(Table table)
        {
            var widths = ColumnWidths(table);
            Room(LineHeight(SmallSize) * 5);
            Text(table.Caption, SmallSize, strong: true, after: 2);
            Row(table.Headers.Select(h => new Paragraph([new Span(h, SpanKind.Strong)])).ToList(), widths, header: true);
            foreach (var row in table.Rows)
            {
                Row(Enumerable.Range(0, table.Headers.Count).Select(i => i < row.Count ? row[i] : Documents.Paragraph.Of("")).ToList(), widths, header: false);
            }
            _y += 10;
        }

        private const double CellPadding = 3;

        private void Row(List<Paragraph> cells, double[] widths, bool header)
        {
            const double pad = CellPadding;
            var wrapped = cells.Select((c, i) => Wrap(c.Spans, widths[i] - (2 * pad), SmallSize)).ToList();
            var height = (wrapped.Max(w => Math.Max(1, w.Count)) * LineHeight(SmallSize)) + (2 * pad);
            Room(height);
            var top = _y;
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                _y = top + pad;
                foreach (var line in wrapped[i])
                {
                    DrawLine(line, x + pad, SmallSize);
                }
                x += widths[i];
            }
            _y = top + height;
            Page.DrawLine(At(Margin, _y), At(Margin + widths.Sum(), _y), header ? 0.9 : 0.3);
        }

        /// <summary>Column widths from their content (see <see cref="Documents.ColumnWidths"/>), padding included.</summary>
        private double[] ColumnWidths(Table table)
        {
            var needs = Enumerable.Range(0, table.Headers.Count).Select(i =>
            {
                var cells = table.Rows.Select(r => i < r.Count ? r[i].Spans : []).Prepend([new Span(table.Headers[i], SpanKind.Strong)]);
                var extents = cells.Select(c => LineBreaker.Extent(Runs(c), (text, kind) => Width(text, SmallSize, FontOf(kind)))).ToList();
                // A point to spare keeps rounding in the font's measures from pushing a word that just fits onto its own line.
                const double slack = (2 * CellPadding) + 1;
                return new Documents.ColumnWidths.Need(extents.Max(e => e.LongestWord) + slack, extents.Max(e => e.Natural) + slack);
            }).ToList();
            return Documents.ColumnWidths.Share(needs, ContentWidth);
        }

        public void Chart(ChartBlock block)
        {
            var drawing = new ChartDrawing(block.Chart);
            var scale = ContentWidth / ChartDrawing.Width;
            var height = ChartDrawing.Height * scale;
            Room(height + (LineHeight(SmallSize) * 5));
            Text(block.Caption, SmallSize, strong: true, after: 2);
            new ChartPainter(Page, _regular, text => Printable(text, _regular), Margin, _y, scale).Paint(drawing);
            _y += height + 2;
            Paragraph(Documents.Paragraph.Of(Legend(block.Chart)), Margin, ContentWidth, SmallSize);
            Paragraph(Documents.Paragraph.Of(drawing.Description), Margin, ContentWidth, SmallSize);
            _y += 10;
        }

        private static string Legend(MeasureChart chart)
        {
            var parts = new List<string> { "solid line and dots: data" };
            if (chart.Points.Count > 0)
            {
                parts.Add($"dashed line: {(chart.Type == ChartType.Control ? "centre line" : chart.MedianBasis == "baseline" ? "baseline median" : "median")}");
            }
            if (chart.Target is not null)
            {
                parts.Add("dotted line: target");
            }
            if (chart.Type == ChartType.Control)
            {
                parts.Add("dash-dot lines: control limits");
            }
            if (chart.Signals.Count > 0)
            {
                parts.Add("open squares: points in a signal; diamonds: flagged astronomical");
            }
            if (chart.Annotations.Count > 0)
            {
                parts.Add("thin dotted verticals C1, C2 …: improvement cycles");
            }
            return "Key: " + string.Join("; ", parts) + ".";
        }

        private void DrawLine(List<TextRun> line, double x, double size)
        {
            var page = Page;
            var baseline = _y + (size * 0.95);
            foreach (var (text, kind) in line)
            {
                var font = kind == SpanKind.Strong ? _bold : _regular;
                var width = Width(text, size, font);
                if (kind == SpanKind.Gap)
                {
                    // A light ground with no outline: the brackets carry the meaning in black and white.
                    page.SetTextAndFillColor(225, 225, 225);
                    page.SetStrokeColor(225, 225, 225);
                    page.DrawRectangle(At(x, _y + LineHeight(size) - 1), width, LineHeight(size) - 1, 0.1, fill: true);
                    page.ResetColor();
                }
                page.AddText(text, size, At(x, baseline), font);
                x += width;
            }
            _y += LineHeight(size);
        }

        private readonly Dictionary<(char, bool), bool> _printable = [];

        /// <summary>
        /// Characters the embedded font has no glyph for (DejaVu Sans covers Latin, Greek, Cyrillic,
        /// Hebrew and Arabic, not Chinese, Japanese or Korean; nor emoji) print as "?" instead of
        /// failing the whole document. The Word document keeps them, since Word picks a font itself.
        /// </summary>
        private string Printable(string text, PdfDocumentBuilder.AddedFont font)
        {
            var bold = font == _bold;
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (!_printable.TryGetValue((c, bold), out var ok))
                {
                    ok = !char.IsSurrogate(c) && !char.IsControl(c) && CanMeasure(c, font);
                    _printable[(c, bold)] = ok;
                }
                if (!ok)
                {
                    chars[i] = '?';
                }
            }
            return new string(chars);
        }

        private bool CanMeasure(char c, PdfDocumentBuilder.AddedFont font)
        {
            try
            {
                Page.MeasureText(c.ToString(), BodySize, new PdfPoint(0, 0), font);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private double Width(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            if (text.Length == 0)
            {
                return 0;
            }
            var letters = Page.MeasureText(text, size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
        }

        /// <summary>The spans as runs to draw: gaps bracketed so they show without colour, letters the font lacks as "?".</summary>
        private IEnumerable<TextRun> Runs(IReadOnlyList<Span> spans) => spans.Select(span => new TextRun(
            Printable(span.Kind == SpanKind.Gap ? $"[{span.Text}]" : span.Text, FontOf(span.Kind)), span.Kind));

        private PdfDocumentBuilder.AddedFont FontOf(SpanKind kind) => kind == SpanKind.Strong ? _bold : _regular;

        /// <summary>Breaks spans into lines that fit the width, between words only (see <see cref="LineBreaker"/>).</summary>
        private List<List<TextRun>> Wrap(IReadOnlyList<Span> spans, double width, double size) =>
            LineBreaker.Wrap(Runs(spans), width, (text, kind) => Width(text, size, FontOf(kind)));
    }

    /// <summary>Draws a <see cref="ChartDrawing"/> (laid out in SVG units) scaled onto the page at (left, top).</summary>
    private sealed class ChartPainter(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, Func<string, string> printable, double left, double top, double scale)
    {
        private PdfPoint P(double x, double y) => new(left + (x * scale), PageHeight - (top + (y * scale)));

        public void Paint(ChartDrawing d)
        {
            var c = d.Chart;
            double l = ChartDrawing.Left, r = ChartDrawing.Width - ChartDrawing.Right, t = ChartDrawing.Top, b = ChartDrawing.Height - ChartDrawing.Bottom;
            const double tick = 11;
            foreach (var value in d.Ticks())
            {
                page.SetStrokeColor(210, 210, 210);
                page.DrawLine(P(l, d.Y(value)), P(r, d.Y(value)), 0.5);
                page.ResetColor();
                var label = d.Format(value);
                page.AddText(printable(label), tick * scale, P(l - 6 - TextWidth(label), d.Y(value) + 4), font);
            }
            page.DrawLine(P(l, t), P(l, b), 1.2 * scale);
            page.DrawLine(P(l, b), P(r, b), 1.2 * scale);
            foreach (var (x, label) in d.MonthTicks())
            {
                page.DrawLine(P(x, b), P(x, b + 5), 1.2 * scale);
                page.AddText(printable(label), tick * scale, P(x - (TextWidth(label) / 2), b + 20), font);
            }
            if (d.LatestLabel is { } latest)
            {
                page.AddText(printable(latest.Text), tick * scale, P(latest.X, latest.Y), font);
            }
            for (var i = 0; i < c.Annotations.Count; i++)
            {
                if (c.Annotations[i].Index is { } index)
                {
                    Dashed(d.X(index), t, d.X(index), b, 2, 3, 0.6);
                    page.AddText($"C{i + 1}", tick * scale, P(d.X(index) + 3, t + 10), font);
                }
            }
            if (c.Type == ChartType.Control)
            {
                DashedPolyline(d, c.Points.Where(p => p.Upper is not null).Select(p => (p.Index, p.Upper!.Value)));
                DashedPolyline(d, c.Points.Where(p => p.Lower is not null).Select(p => (p.Index, p.Lower!.Value)));
            }
            if ((c.Type == ChartType.Control ? c.Centre : c.Median) is { } centre && c.Points.Count > 0)
            {
                Dashed(l, d.Y(centre), r, d.Y(centre), 10, 6, 1.4);
            }
            if (c.Target is { } target)
            {
                Dashed(l, d.Y(target), r, d.Y(target), 2, 4, 1.8);
            }
            var data = c.Points.Select(p => (X: d.X(p.Index), Y: d.Y(p.Value))).ToList();
            for (var i = 1; i < data.Count; i++)
            {
                page.DrawLine(P(data[i - 1].X, data[i - 1].Y), P(data[i].X, data[i].Y), 1.6 * scale);
            }
            foreach (var p in c.Points)
            {
                double x = d.X(p.Index), y = d.Y(p.Value);
                if (p.Astronomical)
                {
                    page.DrawTriangle(P(x - 7, y), P(x, y - 7), P(x + 7, y), 0, fill: true);
                    page.DrawTriangle(P(x - 7, y), P(x, y + 7), P(x + 7, y), 0, fill: true);
                }
                else if (d.SignalClass(p.Index) is not null)
                {
                    page.SetTextAndFillColor(255, 255, 255);
                    page.DrawRectangle(P(x - 5, y + 5), 10 * scale, 10 * scale, 1.4 * scale, fill: true);
                    page.ResetColor();
                }
                else
                {
                    page.DrawCircle(P(x, y), 7 * scale, 0, fill: true);
                }
            }
        }

        /// <summary>How wide a tick label is, in the chart's units.</summary>
        private double TextWidth(string text) =>
            page.MeasureText(printable(text), 11 * scale, new PdfPoint(0, 0), font) is { Count: > 0 } letters ? letters[^1].EndBaseLine.X / scale : 0;

        /// <summary>PdfPig draws solid lines only; dashes are short solid segments.</summary>
        private void Dashed(double x1, double y1, double x2, double y2, double dash, double gap, double width)
        {
            var length = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
            if (length < 1e-9)
            {
                return;
            }
            double dx = (x2 - x1) / length, dy = (y2 - y1) / length;
            for (var s = 0.0; s < length; s += dash + gap)
            {
                var e = Math.Min(length, s + dash);
                page.DrawLine(P(x1 + (dx * s), y1 + (dy * s)), P(x1 + (dx * e), y1 + (dy * e)), width * scale);
            }
        }

        private void DashedPolyline(ChartDrawing d, IEnumerable<(int Index, double Value)> points)
        {
            var xy = points.Select(p => (X: d.X(p.Index), Y: d.Y(p.Value))).ToList();
            for (var i = 1; i < xy.Count; i++)
            {
                Dashed(xy[i - 1].X, xy[i - 1].Y, xy[i].X, xy[i].Y, 8, 4, 1);
            }
        }
    }
}
