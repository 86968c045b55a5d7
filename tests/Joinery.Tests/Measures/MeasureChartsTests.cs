using Joinery.Core.Measures;

namespace Joinery.Tests.Measures;

public sealed class MeasureChartsTests
{
    private static readonly Guid Partnership = Guid.NewGuid();

    private static Measure AMeasure(MeasureKind kind = MeasureKind.Value, BetterDirection better = BetterDirection.Up, double? baseline = null,
        string? from = null, string? to = null) => new()
        {
            PartnershipId = Partnership,
            Name = "Days to first visit",
            Kind = kind,
            Unit = kind == MeasureKind.Proportion ? "%" : "days",
            BetterDirection = better,
            Target = 10,
            BaselineValue = baseline,
            BaselineFrom = from is null ? null : DateOnly.Parse(from + "-01", System.Globalization.CultureInfo.InvariantCulture),
            BaselineTo = to is null ? null : DateOnly.Parse(to + "-01", System.Globalization.CultureInfo.InvariantCulture),
        };

    private static List<MeasurePoint> Points(Measure m, params double[] values) => values.Select((v, i) => new MeasurePoint
    {
        PartnershipId = Partnership,
        MeasureId = m.Id,
        Period = new DateOnly(2025, 1, 1).AddMonths(i),
        Value = v,
        RecordedByUserId = Guid.Empty,
    }).ToList();

    [Fact]
    public void Without_a_baseline_the_centre_is_the_median_of_all_points_and_points_come_in_time_order()
    {
        var m = AMeasure();
        var points = Points(m, 5, 1, 3, 9, 7);
        points.Reverse();

        var chart = MeasureCharts.Build(m, points, []);

        chart.Median.ShouldBe(5);
        chart.MedianBasis.ShouldBe("all-points");
        chart.Points.Select(p => p.Period).ShouldBe(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]);
        chart.Points.Select(p => p.Value).ShouldBe([5, 1, 3, 9, 7]);
    }

    [Fact]
    public void A_frozen_baseline_median_is_the_centre_line_so_improvement_after_it_shows_as_a_shift()
    {
        var m = AMeasure(baseline: 10);
        var chart = MeasureCharts.Build(m, Points(m, 9, 11, 10, 9, 11, 14, 15, 14, 16, 15, 17), []);

        chart.Median.ShouldBe(10);
        chart.MedianBasis.ShouldBe("baseline");
        var shift = chart.Signals.Single(s => s.Rule == "shift");
        shift.Points.ShouldBe([4, 5, 6, 7, 8, 9, 10]);
        shift.Direction.ShouldBe("up");
        shift.Favourable.ShouldBe(true);
    }

    [Fact]
    public void A_shift_upwards_is_unfavourable_when_lower_is_better()
    {
        var m = AMeasure(better: BetterDirection.Down, baseline: 10);
        var chart = MeasureCharts.Build(m, Points(m, 9, 11, 12, 13, 12, 14, 13), []);

        var shift = chart.Signals.Single(s => s.Rule == "shift");
        shift.Favourable.ShouldBe(false);
        chart.Signals.ShouldAllBe(s => s.Rule != "trend");
    }

    [Fact]
    public void A_downward_trend_is_reported_with_its_direction()
    {
        var m = AMeasure(better: BetterDirection.Down);
        var chart = MeasureCharts.Build(m, Points(m, 20, 18, 18, 15, 12, 11, 30), []);

        var trend = chart.Signals.Single(s => s.Rule == "trend");
        trend.Points.ShouldBe([0, 1, 2, 3, 4, 5]);
        trend.Direction.ShouldBe("down");
        trend.Favourable.ShouldBe(true);
    }

    [Fact]
    public void Astronomical_points_are_the_ones_a_person_flagged()
    {
        var m = AMeasure();
        var points = Points(m, 5, 6, 40, 5, 6);
        points[2].Astronomical = true;

        var chart = MeasureCharts.Build(m, points, []);

        chart.Signals.Single(s => s.Rule == "astronomical").Points.ShouldBe([2]);
        chart.Points[2].Astronomical.ShouldBeTrue();
    }

    [Fact]
    public void Improvement_cycles_are_annotated_at_the_month_they_started()
    {
        var m = AMeasure();
        var cycles = new List<ImprovementCycle>
        {
            new() { PartnershipId = Partnership, MeasureId = m.Id, Title = "Huddle", StartedOn = new DateOnly(2025, 3, 17), CreatedByUserId = Guid.Empty },
            new() { PartnershipId = Partnership, MeasureId = m.Id, Title = "Later", StartedOn = new DateOnly(2027, 1, 2), CreatedByUserId = Guid.Empty },
        };

        var chart = MeasureCharts.Build(m, Points(m, 1, 2, 3, 4), cycles);

        chart.Annotations.Select(a => (a.Period, a.Index)).ShouldBe([("2025-03", (int?)2), ("2027-01", null)]);
    }

    [Fact]
    public void An_xmr_chart_freezes_its_limits_at_the_baseline_period()
    {
        var m = AMeasure(baseline: 10, from: "2025-01", to: "2025-04");
        var chart = MeasureCharts.Build(m, Points(m, 10, 12, 10, 12, 30, 31), [], ChartType.Control);

        chart.Type.ShouldBe(ChartType.Control);
        chart.ControlChart.ShouldBe("xmr");
        chart.Centre.ShouldBe(11);
        // Mean moving range of the baseline is 2: limits 11 ± 5.32.
        chart.Points[0].Upper!.Value.ShouldBe(16.32, 0.0001);
        chart.Points[5].Lower!.Value.ShouldBe(5.68, 0.0001);
        chart.Signals.Single(s => s.Rule == "outside-limits").Points.ShouldBe([4, 5]);
    }

    [Fact]
    public void A_p_chart_is_drawn_in_percent_with_limits_that_depend_on_each_months_denominator()
    {
        var m = AMeasure(MeasureKind.Proportion);
        var points = Points(m, 50, 50);
        (points[0].Numerator, points[0].Denominator) = (50, 100);
        (points[1].Numerator, points[1].Denominator) = (200, 400);

        var chart = MeasureCharts.Build(m, points, [], ChartType.Control);

        chart.ControlChart.ShouldBe("p");
        chart.Centre.ShouldBe(50);
        chart.Points[0].Upper!.Value.ShouldBe(65, 0.0001);
        chart.Points[1].Upper!.Value.ShouldBe(57.5, 0.0001);
    }

    [Fact]
    public void A_control_chart_with_one_point_falls_back_to_the_run_chart_and_says_so()
    {
        var m = AMeasure();
        var chart = MeasureCharts.Build(m, Points(m, 4), [], ChartType.Control);

        chart.Type.ShouldBe(ChartType.Run);
        chart.Note.ShouldNotBeNull().ShouldContain("at least two points");
    }

    [Fact]
    public void The_runs_signal_says_whether_there_were_too_few_runs_or_too_many()
    {
        var m = AMeasure();

        var clustered = MeasureCharts.Build(m, Points(m, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9), []).Signals.Single(s => s.Rule == "runs");
        var alternating = MeasureCharts.Build(m, Points(m, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9), []).Signals.Single(s => s.Rule == "runs");

        clustered.Description.ShouldStartWith("Too few runs around the median: 2 where at least 4 are expected for 12 points.");
        alternating.Description.ShouldStartWith("Too many runs around the median: 12 where at most 10 are expected for 12 points.");
    }

    [Fact]
    public void The_drawing_keeps_time_regular_a_missing_month_keeps_its_place_and_the_latest_value_is_labelled()
    {
        var m = AMeasure();
        var points = Points(m, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 9, 8);
        points.RemoveAt(5);

        var drawing = new ChartDrawing(MeasureCharts.Build(m, points, []));
        var ticks = drawing.MonthTicks().ToList();

        var step = drawing.X(1) - drawing.X(0);
        (drawing.X(5) - drawing.X(4)).ShouldBe(2 * step, 1e-9, "June 2025 has no value but keeps its month on the axis");
        ticks[^1].ShouldBe((drawing.X(points.Count - 1), "Feb 2026"));
        ticks.Count.ShouldBeLessThanOrEqualTo(10);
        ticks.Zip(ticks.Skip(1), (a, b) => Math.Round(b.X - a.X, 6)).Distinct().Count().ShouldBe(1, "ticks at one regular step");
        ticks.Select(t => t.Label).ShouldBe(["Feb 2025", "Apr 2025", "Jun 2025", "Aug 2025", "Oct 2025", "Dec 2025", "Feb 2026"]);
        drawing.LatestLabel!.Value.Text.ShouldBe("8 days");
        drawing.LatestLabel!.Value.X.ShouldBeGreaterThan(drawing.X(points.Count - 1));
    }
}
