using Joinery.Core.Documents;

namespace Joinery.Tests.Reports;

/// <summary>Lines break between words only, a word too long for any line is hyphenated, and columns get their longest word first.</summary>
public sealed class LineBreakerTests
{
    /// <summary>A monospaced measure: every letter is one unit wide, strong ones too.</summary>
    private static double Mono(string text, SpanKind kind) => text.Length;

    private static List<string> Lines(double width, params TextRun[] runs) =>
        LineBreaker.Wrap(runs, width, Mono).Select(l => string.Concat(l.Select(r => r.Text))).ToList();

    [Fact]
    public void A_narrow_column_breaks_between_words_and_never_inside_one()
    {
        Lines(10, new TextRun("Not started on 2026-11-04", SpanKind.Plain)).ShouldBe(["Not", "started on", "2026-11-04"]);
        Lines(11, new TextRun("Not started on 2026-11-04", SpanKind.Plain)).ShouldBe(["Not started", "on", "2026-11-04"]);
        Lines(7, new TextRun("Members", SpanKind.Strong)).ShouldBe(["Members"], "a word that just fits stays whole");
    }

    [Fact]
    public void A_word_made_of_two_styles_stays_whole_and_keeps_its_styles()
    {
        var lines = LineBreaker.Wrap([new TextRun("Plan Site", SpanKind.Strong), new TextRun(": the riverside clinic", SpanKind.Plain)], 9, Mono);

        lines.Select(l => string.Concat(l.Select(r => r.Text))).ShouldBe(["Plan", "Site: the", "riverside", "clinic"]);
        lines[1].ShouldBe([new TextRun("Site", SpanKind.Strong), new TextRun(": the", SpanKind.Plain)]);
    }

    [Fact]
    public void Only_a_word_wider_than_the_line_is_cut_and_then_with_a_hyphen()
    {
        Lines(8, new TextRun("see https://example.org/abcdefgh now", SpanKind.Plain))
            .ShouldBe(["see", "https:/-", "/exampl-", "e.org/a-", "bcdefgh", "now"]);
    }

    [Fact]
    public void Line_breaks_in_the_text_start_new_lines()
    {
        Lines(40, new TextRun("first line\nsecond line", SpanKind.Plain)).ShouldBe(["first line", "second line"]);
    }

    [Fact]
    public void The_extent_of_a_cell_is_its_longest_word_and_its_longest_line_unbroken()
    {
        LineBreaker.Extent([new TextRun("Not started yet\nor later", SpanKind.Plain)], Mono).ShouldBe((7.0, 15.0));
    }

    [Fact]
    public void Columns_get_their_longest_word_then_share_the_rest_by_natural_width()
    {
        // A short column of long words ("Members", "2026-11-04") beside a long column of prose.
        var widths = ColumnWidths.Share([new(LongestWord: 12, Natural: 12), new(LongestWord: 10, Natural: 300), new(LongestWord: 8, Natural: 100)], 200);

        widths.Sum().ShouldBe(200, 1e-9);
        widths[0].ShouldBe(12, 1e-9, "a column never grows past its natural width while others want room");
        widths[1].ShouldBeGreaterThan(widths[2]);
        widths[2].ShouldBeGreaterThanOrEqualTo(8);
        (widths[1] - 10).ShouldBe((widths[2] - 8) * 3, 1e-6, "the rest is shared in proportion to natural widths");
    }

    [Fact]
    public void A_narrow_page_still_gives_each_column_its_longest_word_when_it_can()
    {
        var widths = ColumnWidths.Share([new(40, 400), new(45, 45), new(30, 300)], 120);

        widths.Sum().ShouldBe(120, 1e-9);
        widths[0].ShouldBeGreaterThan(40);
        widths[1].ShouldBe(45, 1e-9);
        widths[2].ShouldBeGreaterThan(30);
    }

    [Fact]
    public void A_table_that_fits_whole_spans_the_page_and_one_too_wide_for_its_words_narrows_only_its_widest_words()
    {
        ColumnWidths.Share([new(5, 20), new(5, 60)], 160).ShouldBe([40, 120], tolerance: 1e-9);
        ColumnWidths.Share([new(20, 20), new(1000, 1000), new(30, 200)], 200).ShouldBe([20, 150, 30], tolerance: 1e-9);
        ColumnWidths.Share([new(150, 150), new(300, 300)], 200).ShouldBe([100, 100], tolerance: 1e-9, "no column takes more than an equal share of a page too narrow for both");
    }
}
