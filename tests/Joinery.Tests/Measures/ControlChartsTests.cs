using Joinery.Core.Measures;

namespace Joinery.Tests.Measures;

public sealed class ControlChartsTests
{
    [Fact]
    public void Individuals_limits_are_the_mean_plus_and_minus_2_66_mean_moving_ranges()
    {
        var limits = ControlCharts.Individuals([10, 12, 11, 13, 14]);

        // Mean 12; moving ranges 2, 1, 2, 1 → 1.5; 2.66 × 1.5 = 3.99.
        limits[0].Centre.ShouldBe(12);
        limits[0].Upper.ShouldBe(15.99, 1e-9);
        limits[0].Lower.ShouldBe(8.01, 1e-9);
    }

    [Fact]
    public void P_chart_limits_widen_for_small_periods_and_stay_between_zero_and_one()
    {
        var limits = ControlCharts.Proportions([(5, 10), (50, 100), (1, 2)]);

        limits[0].Centre.ShouldBe(56.0 / 112, 1e-12);
        (limits[0].Upper - limits[0].Lower).ShouldBeGreaterThan(limits[1].Upper - limits[1].Lower);
        limits[2].Lower.ShouldBe(0);
        limits[2].Upper.ShouldBe(1);
    }

    [Fact]
    public void A_proportion_with_a_numerator_above_its_denominator_is_refused() =>
        Should.Throw<ArgumentException>(() => ControlCharts.Proportions([(11, 10)]));

    [Fact]
    public void A_point_beyond_a_limit_is_a_special_cause()
    {
        double[] values = [10, 11, 10, 11, 10, 11, 30];
        var limits = Enumerable.Repeat(new ControlLimits(10.5, 7.5, 13.5, 1), values.Length).ToList();

        ControlCharts.SpecialCauses(values, limits).Single(s => s.Rule == "outside-limits").Points.ShouldBe([6]);
    }

    [Fact]
    public void Eight_on_one_side_and_two_of_three_beyond_two_sigma_are_special_causes()
    {
        var limits = Enumerable.Repeat(new ControlLimits(10, 7, 13, 1), 10).ToList();
        double[] shift = [9, 11, 11, 11, 11, 11, 11, 11, 11, 9];
        double[] outer = [10, 12.5, 10, 12.6, 10, 10, 10, 10, 10, 10];

        ControlCharts.SpecialCauses(shift, limits).Single(s => s.Rule == "shift").Points.Count.ShouldBe(8);
        ControlCharts.SpecialCauses(outer, limits).Single(s => s.Rule == "two-of-three").Points.ShouldBe([1, 3]);
    }

    [Fact]
    public void Fifteen_points_hugging_the_centre_are_a_special_cause_and_fourteen_are_not()
    {
        var limits = Enumerable.Repeat(new ControlLimits(10, 7, 13, 1), 16).ToList();
        var hugging = Enumerable.Range(0, 16).Select(i => i == 15 ? 12.5 : 10 + (i % 2 == 0 ? 0.2 : -0.2)).ToList();
        var fewer = hugging.Select((v, i) => i == 7 ? 11.5 : v).ToList();

        ControlCharts.SpecialCauses(hugging, limits).Single(s => s.Rule == "fifteen-inner").Points.Count.ShouldBe(15);
        ControlCharts.SpecialCauses(fewer, limits).ShouldNotContain(s => s.Rule == "fifteen-inner");
    }
}
