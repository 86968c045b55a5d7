using Joinery.Core.Readiness;
using Joinery.Web.Features.Readiness;

namespace Joinery.Tests.Readiness;

public sealed class ReadinessChartTests
{
    private static readonly Guid Bh = Guid.NewGuid();
    private static readonly Guid Pc = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Bh] = "Riverbend", [Pc] = "Eastside" };

    private static Dictionary<string, int?> All(int? score) => ReadinessCatalog.Items.ToDictionary(i => i.Code, _ => score);

    [Fact]
    public void Every_factor_is_a_row_with_each_partners_mean_on_the_one_to_five_scale_and_the_gap_between_them()
    {
        var pcAnswers = All(4);
        foreach (var item in ReadinessCatalog.Factors[1].Items)
        {
            pcAnswers[item.Code] = 2;
        }
        var results = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(4)), new(Pc, pcAnswers)]);

        var chart = new ReadinessChart(results, [Bh, Pc], Names);

        chart.Rows.Count.ShouldBe(ReadinessCatalog.Factors.Count);
        chart.Rows.Select(r => r.Title).ShouldBe(ReadinessCatalog.Factors.Select(f => f.Title));
        var gapRow = chart.Rows[1];
        gapRow.Marks.Select(m => (m.Organization, m.Mean)).ShouldBe([(0, 4.0), (1, 2.0)]);
        gapRow.Marks[0].X.ShouldBe(ReadinessChart.X(4));
        (gapRow.Gap, gapRow.TalkAboutThis).ShouldBe((2.0, true));
        chart.Rows[0].TalkAboutThis.ShouldBeFalse();
        ReadinessChart.X(1).ShouldBe(ReadinessChart.ScaleLeft);
        ReadinessChart.X(5).ShouldBe(ReadinessChart.ScaleRight);
        chart.Rows.Select(r => r.Y).ShouldBeInOrder(SortDirection.Ascending);
        chart.Description.ShouldBe($"Mean of each factor on the 1 to 5 agreement scale for Riverbend and Eastside. Gaps of 1.0 or more: {ReadinessCatalog.Factors[1].Title} (gap 2.0).");
    }

    [Fact]
    public void Equal_means_sit_a_little_apart_so_both_partners_show_and_an_organization_without_answers_has_no_mark()
    {
        var results = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(3)), new(Pc, All(3))]);
        var onlyOne = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(3))]);

        var chart = new ReadinessChart(results, [Bh, Pc], Names);
        var before = new ReadinessChart(onlyOne, [Bh], Names);

        chart.Rows[0].Marks.Select(m => m.X).Distinct().Count().ShouldBe(1);
        chart.Rows[0].Marks.Select(m => m.Y).Distinct().Count().ShouldBe(2);
        chart.Description.ShouldEndWith("No factor has a gap of 1.0 or more.");
        before.Rows.ShouldAllBe(r => r.Marks.Count == 1 && r.Gap == null);
        before.Description.ShouldBe("Mean of each factor on the 1 to 5 agreement scale for Riverbend.");
    }
}
