using Joinery.Core.Measures;

namespace Joinery.Core.Documents;

/// <summary>
/// A document Joinery writes for the partners (the partnership report, the draft MOU): a plain
/// tree of headings, paragraphs, lists, tables and run charts. The same tree is shown as a page,
/// written as Word and as PDF, so the three always say the same.
/// </summary>
public sealed record PartnershipDocument(string Title, string Subtitle, IReadOnlyList<Block> Blocks)
{
    /// <summary>Shown in a box before the first block (for example "draft for legal review").</summary>
    public string? Notice { get; init; }

    /// <summary>How many gaps the document leaves for the partners to fill in.</summary>
    public int GapCount => Blocks.Sum(b => b switch
    {
        Paragraph p => p.Gaps,
        BulletList l => l.Items.Sum(i => i.Gaps),
        Table t => t.Rows.Sum(r => r.Sum(c => c.Gaps)),
        _ => 0,
    });
}

public abstract record Block;

public sealed record Heading(string Text, int Level = 1) : Block;

/// <summary>A run of text: plain, strong, or a gap the partners must fill (shown highlighted, never invented).</summary>
public sealed record Span(string Text, SpanKind Kind = SpanKind.Plain);

public enum SpanKind { Plain, Strong, Gap }

public sealed record Paragraph(IReadOnlyList<Span> Spans) : Block
{
    public static Paragraph Of(string text) => new([new Span(text)]);

    /// <summary>A highlighted gap: "[To complete: …]".</summary>
    public static Paragraph Gap(string what) => new([new Span(what, SpanKind.Gap)]);

    /// <summary>"Label: value", or the label with a gap when there is no value.</summary>
    public static Paragraph Field(string label, string? value, string missing) =>
        new([new Span(label + ": ", SpanKind.Strong), string.IsNullOrWhiteSpace(value) ? new Span(missing, SpanKind.Gap) : new Span(value)]);

    public int Gaps => Spans.Count(s => s.Kind == SpanKind.Gap);

    public string PlainText => string.Concat(Spans.Select(s => s.Kind == SpanKind.Gap ? $"[{s.Text}]" : s.Text));
}

public sealed record BulletList(IReadOnlyList<Paragraph> Items) : Block;

public sealed record Table(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Paragraph>> Rows) : Block;

/// <summary>A measure's run chart, drawn for black-and-white printing, with its data in a table beside it in the page view.</summary>
public sealed record ChartBlock(string Caption, MeasureChart Chart) : Block;
