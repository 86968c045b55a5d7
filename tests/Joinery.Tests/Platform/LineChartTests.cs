using Joinery.Web.Features.Shared;

namespace Joinery.Tests.Platform;

public sealed class LineChartTests
{
    private static readonly string[] Months = ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026",
        "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"];

    private static readonly string[] LevelNames = ["Executive", "Manager", "Frontline"];

    private static LineChart Levels(params double?[][] values) => new("Attendances by level", Months,
        values.Select((v, i) => new LineSeries(LevelNames[i], v)).ToList(), whole: true);

    [Fact]
    public void Counts_tick_on_whole_numbers_at_one_regular_step_from_zero_to_at_least_the_largest_value()
    {
        var chart = Levels([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 9]);

        var ticks = chart.Ticks().ToList();

        ticks[0].ShouldBe(0);
        ticks[^1].ShouldBeGreaterThanOrEqualTo(9);
        ticks.ShouldAllBe(t => t == Math.Floor(t));
        ticks.Zip(ticks.Skip(1), (a, b) => b - a).Distinct().Count().ShouldBe(1, "one step between every two ticks");
        chart.Y(chart.Min).ShouldBe(chart.PlotBottom);
        chart.Y(chart.Max).ShouldBe(LineChart.Top);
    }

    [Fact]
    public void A_fixed_scale_keeps_its_ends_and_the_periods_are_evenly_spaced()
    {
        var chart = new LineChart("Mean by round", ["Round 1", "Round 2", "Round 3"], [new LineSeries("All statements", [3.1, 3.4, 3.3])], min: 1, max: 5);

        chart.Ticks().ShouldBe([1, 2, 3, 4, 5]);
        new LineChart("Small", ["Round 1"], chart.Series, min: 1, max: 5, steps: 2).Ticks().ShouldBe([1, 3, 5]);
        (chart.X(1) - chart.X(0)).ShouldBe(chart.X(2) - chart.X(1), 1e-9);
        chart.X(0).ShouldBe(LineChart.Left);
        chart.X(2).ShouldBe(chart.PlotRight);
    }

    [Fact]
    public void Periods_are_labelled_at_a_regular_step_counted_back_from_the_latest_which_is_always_labelled()
    {
        var twelve = Levels([.. Enumerable.Repeat<double?>(1, 12)]);
        var three = new LineChart("Mean by round", ["Round 1", "Round 2", "Round 3"], [new LineSeries("All", [3, 3, 3])]);

        var labelled = Enumerable.Range(0, 12).Where(twelve.Labelled).ToList();

        labelled.ShouldBe([1, 3, 5, 7, 9, 11]);
        Enumerable.Range(0, 3).Where(three.Labelled).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void Each_lines_latest_value_is_labelled_with_its_name_and_equal_values_are_moved_apart_inside_the_plot()
    {
        var chart = Levels([1, 2], [1, 2], [1, 2]);
        var chartOfTwoMonths = new LineChart("Attendances by level", ["Nov 2026", "Dec 2026"], chart.Series, whole: true);

        var labels = chartOfTwoMonths.LatestLabels();

        labels.Select(l => l.Text).ShouldBe(["2 Executive", "2 Manager", "2 Frontline"], ignoreOrder: true);
        var ys = labels.Select(l => l.Y).Order().ToList();
        ys.Zip(ys.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= 15);
        ys[^1].ShouldBeLessThanOrEqualTo(chartOfTwoMonths.PlotBottom + 4);
        labels.ShouldAllBe(l => l.X > chartOfTwoMonths.X(1));
    }

    [Fact]
    public void A_single_line_is_labelled_with_its_value_only_and_a_period_without_a_value_breaks_the_line()
    {
        var chart = new LineChart("Mean by round", ["Round 1", "Round 2", "Round 3", "Round 4"],
            [new LineSeries("All statements", [3.1, null, 3.4, 3.55])], min: 1, max: 5);

        chart.LatestLabels().Single().Text.ShouldBe("3.55");
        chart.Segments(0).Count().ShouldBe(2);
        chart.Segments(0).Last().Split(' ').Length.ShouldBe(2);
        chart.Description.ShouldBe("Mean by round, Round 1 to Round 4. Latest: All statements 3.55 in Round 4.");
    }

    [Fact]
    public void A_chart_without_values_says_so()
    {
        var chart = new LineChart("Mean by round", [], [new LineSeries("All statements", [])], min: 1, max: 5);

        chart.LatestLabels().ShouldBeEmpty();
        chart.Description.ShouldBe("Mean by round: no data yet.");
    }
}
