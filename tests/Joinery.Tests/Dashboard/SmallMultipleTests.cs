using Joinery.Core.Measures;
using Joinery.Web.Features.Dashboard;

namespace Joinery.Tests.Dashboard;

public sealed class SmallMultipleTests
{
    private static readonly Guid Partnership = Guid.NewGuid();

    private static MeasureChart Chart(params double[] values) => ChartOfMonths(values.Select((v, i) => (i, v)).ToArray());

    /// <summary>A chart of (months after January 2025, value) points.</summary>
    private static MeasureChart ChartOfMonths(params (int Month, double Value)[] values)
    {
        var measure = new Measure
        {
            PartnershipId = Partnership,
            Name = "Days from referral to first visit",
            Kind = MeasureKind.Value,
            Unit = "days",
            BetterDirection = BetterDirection.Down,
            Target = 7,
            BaselineValue = 20,
        };
        var points = values.Select(x => new MeasurePoint
        {
            PartnershipId = Partnership,
            MeasureId = measure.Id,
            Period = new DateOnly(2025, 1, 1).AddMonths(x.Month),
            Value = x.Value,
            RecordedByUserId = Guid.Empty,
        }).ToList();
        return MeasureCharts.Build(measure, points, []);
    }

    [Fact]
    public void The_tile_reads_an_improvement_before_a_signal_without_direction_when_both_cover_the_latest_month()
    {
        var chart = Chart(21, 22, 21, 23, 22, 21, 22, 23, 21, 22, 17, 16, 15, 16, 14, 15, 13, 14, 12, 13, 12, 11, 12, 10);
        var last = chart.Points[^1].Index;
        var shift = chart.Signals.Single(s => s.Rule == "shift" && s.Points.Contains(last));
        chart.Signals.ShouldContain(s => s.Favourable == null && s.Points.Contains(last), "the arrangement has a signal without direction over the latest month too");

        var tile = SmallMultiple.Of(chart);

        (tile.Reading, tile.Tone).ShouldBe((shift.Description, "good"));
        (tile.Latest, tile.LatestPeriod).ShouldBe(("10 days", "2026-12"));
    }

    [Fact]
    public void Without_data_the_tile_says_so_and_without_a_signal_it_says_the_points_vary_as_usual()
    {
        SmallMultiple.Of(Chart()).Reading.ShouldBe("No data yet.");
        SmallMultiple.Of(Chart(20, 21, 19, 20)).Reading.ShouldBe("No signal: the latest points vary as usual.");
    }

    [Fact]
    public void The_tile_spaces_months_as_the_full_chart_does_so_a_month_without_data_keeps_its_place()
    {
        var gap = ChartOfMonths((0, 20), (1, 21), (3, 20), (4, 18));

        var tile = SmallMultiple.Of(gap);

        (tile.X(2) - tile.X(1)).ShouldBe(2 * (tile.X(1) - tile.X(0)), 1e-9);
        tile.X(0).ShouldBeLessThan(tile.X(3));
    }
}
