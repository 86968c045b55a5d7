using Joinery.Core.Measures;

namespace Joinery.Tests.Measures;

public sealed class RunChartRulesTests
{
    private static List<string> Rules(IReadOnlyList<ChartSignal> signals) => signals.Select(s => s.Rule).ToList();

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        RunChartRules.Median([4, 1, 3, 2]).ShouldBe(2.5);

    [Fact]
    public void Six_points_on_one_side_of_the_median_are_a_shift()
    {
        double[] values = [5, 5, 1, 6, 7, 6, 8, 7, 9, 2];

        var shift = RunChartRules.Evaluate(values, median: 5.5).Single(s => s.Rule == "shift");

        shift.Points.ShouldBe([3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void Points_on_the_median_neither_count_towards_nor_break_a_shift()
    {
        double[] values = [6, 7, 5, 8, 5, 9, 6, 1];

        RunChartRules.Shifts(values, 5, RunChartRules.ShiftLength).ShouldBeEmpty("only five points are above; the two on the median do not count");
        RunChartRules.Shifts([6, 7, 5, 8, 5, 9, 6, 7, 1], 5, RunChartRules.ShiftLength).ShouldHaveSingleItem().ShouldBe([0, 1, 3, 5, 6, 7]);
    }

    [Fact]
    public void Five_points_going_up_are_a_trend_and_four_are_not()
    {
        RunChartRules.Trends([1, 2, 3, 4, 5, 3], RunChartRules.TrendLength).ShouldHaveSingleItem().ShouldBe([0, 1, 2, 3, 4]);
        RunChartRules.Trends([1, 2, 3, 4, 2, 1], RunChartRules.TrendLength).ShouldBeEmpty();
    }

    [Fact]
    public void Equal_neighbours_count_once_in_a_trend_and_do_not_break_it()
    {
        RunChartRules.Trends([9, 8, 8, 7, 6, 5, 7], RunChartRules.TrendLength).ShouldHaveSingleItem().ShouldBe([0, 1, 2, 3, 4, 5]);
        RunChartRules.Trends([9, 8, 8, 7, 6, 7], RunChartRules.TrendLength).ShouldBeEmpty("9, 8, 7, 6 is four distinct points");
    }

    [Fact]
    public void A_down_trend_that_starts_where_an_up_stretch_ends_shares_the_turning_point()
    {
        var trends = RunChartRules.Trends([1, 2, 9, 8, 7, 6, 5], RunChartRules.TrendLength).ToList();

        trends.ShouldHaveSingleItem().ShouldBe([2, 3, 4, 5, 6]);
    }

    [Theory]
    [InlineData(10, 3, 9)]
    [InlineData(12, 4, 10)]
    [InlineData(14, 4, 12)]
    [InlineData(15, 5, 12)]
    [InlineData(16, 5, 13)]
    [InlineData(18, 6, 14)]
    [InlineData(20, 7, 15)]
    [InlineData(24, 8, 18)]
    [InlineData(30, 11, 21)]
    [InlineData(40, 15, 27)]
    public void Runs_limits_follow_the_swed_eisenhart_distribution(int useful, int lower, int upper) =>
        RunChartRules.RunsLimits(useful).ShouldBe((lower, upper));

    [Fact]
    public void Too_few_runs_signal_and_a_well_mixed_series_does_not()
    {
        double[] clustered = [1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9];
        double[] mixed = [1, 2, 9, 8, 3, 9, 8, 1, 2, 9, 1, 8];

        var signal = RunChartRules.Runs(clustered, RunChartRules.Median(clustered)).ShouldNotBeNull();
        signal.Rule.ShouldBe("runs");
        signal.Runs.ShouldBe(new RunCount(2, 4, 10, 12), "two runs where 12 points should make 4 to 10");
        signal.Runs!.TooFew.ShouldBeTrue();
        RunChartRules.Runs(mixed, RunChartRules.Median(mixed)).ShouldBeNull();
    }

    [Fact]
    public void Too_many_runs_signal()
    {
        double[] alternating = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9];

        var signal = RunChartRules.Runs(alternating, 5).ShouldNotBeNull();
        signal.Points.Count.ShouldBe(12);
        signal.Runs.ShouldBe(new RunCount(12, 4, 10, 12));
        signal.Runs!.TooFew.ShouldBeFalse();
    }

    [Fact]
    public void The_runs_rule_waits_for_ten_useful_observations()
    {
        RunChartRules.Runs([1, 1, 1, 1, 9, 9, 9, 9, 5, 5], 5).ShouldBeNull();
    }

    [Fact]
    public void Astronomical_points_are_the_ones_a_person_flagged_and_nothing_else()
    {
        double[] values = [3, 4, 3, 40, 4, 3];

        Rules(RunChartRules.Evaluate(values)).ShouldBeEmpty("the highest point is not astronomical by itself");
        RunChartRules.Evaluate(values, astronomical: [3, 3, 99]).ShouldHaveSingleItem().ShouldBe(new ChartSignal("astronomical", [3]), new ChartSignalComparer());
    }

    private sealed class ChartSignalComparer : IEqualityComparer<ChartSignal>
    {
        public bool Equals(ChartSignal? x, ChartSignal? y) => x!.Rule == y!.Rule && x.Points.SequenceEqual(y.Points);

        public int GetHashCode(ChartSignal obj) => obj.Rule.GetHashCode(StringComparison.Ordinal);
    }
}
