using System.Globalization;
using Joinery.Core.Common;

namespace Joinery.Core.Measures;

public enum ChartType { Run, Control }

/// <summary>One plotted period. Limits are filled on a control chart only.</summary>
public sealed record ChartPoint(int Index, string Period, double Value, int? Numerator, int? Denominator, bool Astronomical, string Note,
    double? Lower = null, double? Upper = null);

/// <summary>
/// A rule that fired. <c>Direction</c> is which way the flagged points lie or move ("up", "down" or
/// "none" for the runs rule); <c>Favourable</c> compares that with the measure's better direction.
/// </summary>
public sealed record ChartSignalView(string Rule, IReadOnlyList<int> Points, string Direction, bool? Favourable, string Description);

/// <summary>An improvement cycle shown on the chart at the month it started.</summary>
public sealed record ChartAnnotation(Guid CycleId, string Period, int? Index, string Title, CycleAct? Act);

public sealed record MeasureChart(
    Guid MeasureId, string Name, MeasureKind Kind, string Unit, BetterDirection BetterDirection, ChartType Type,
    string ControlChart, double? Median, string MedianBasis, double? Centre, double? Target,
    string? BaselineFrom, string? BaselineTo, IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartSignalView> Signals,
    IReadOnlyList<ChartAnnotation> Annotations, string? Note);

/// <summary>
/// Builds a measure's run chart or Shewhart chart from its points: the centre line (the frozen
/// baseline median once a baseline is set), the rules that fire and in which direction, and the
/// improvement cycles as annotations. Pure, so the page, the API and the health view agree.
/// </summary>
public static class MeasureCharts
{
    public static string PeriodText(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static MeasureChart Build(Measure measure, IReadOnlyList<MeasurePoint> points, IReadOnlyList<ImprovementCycle> cycles, ChartType type = ChartType.Run)
    {
        var ordered = points.OrderBy(p => p.Period).ToList();
        var values = ordered.Select(p => p.Value).ToList();
        var inBaseline = measure.BaselineFrom is { } from && measure.BaselineTo is { } to
            ? ordered.Select((p, i) => (p, i)).Where(x => x.p.Period >= from && x.p.Period <= to).Select(x => x.i).ToList()
            : [];
        double? median = measure.BaselineValue ?? (values.Count > 0 ? RunChartRules.Median(values) : null);
        var basis = measure.BaselineValue is not null ? "baseline" : values.Count > 0 ? "all-points" : "none";
        var annotations = cycles.OrderBy(c => c.StartedOn).Select(c =>
        {
            var month = new DateOnly(c.StartedOn.Year, c.StartedOn.Month, 1);
            var index = ordered.FindIndex(p => p.Period == month);
            return new ChartAnnotation(c.Id, PeriodText(month), index < 0 ? null : index, c.Title, c.Act);
        }).ToList();
        var controlName = measure.Kind == MeasureKind.Proportion ? "p" : "xmr";

        List<ChartPoint> Plot(IReadOnlyList<ControlLimits>? limits, double scale) => ordered.Select((p, i) => new ChartPoint(
            i, PeriodText(p.Period), p.Value, p.Numerator, p.Denominator, p.Astronomical, p.Note,
            limits?[i].Lower * scale, limits?[i].Upper * scale)).ToList();

        if (type == ChartType.Run || ordered.Count < 2)
        {
            var signals = median is { } centre
                ? RunChartRules.Evaluate(values, centre, ordered.Select((p, i) => (p, i)).Where(x => x.p.Astronomical).Select(x => x.i))
                : [];
            var note = type == ChartType.Control ? "A control chart needs at least two points; showing the run chart." : null;
            return new MeasureChart(measure.Id, measure.Name, measure.Kind, measure.Unit, measure.BetterDirection, ChartType.Run, controlName,
                median, basis, median, measure.Target, Month(measure.BaselineFrom), Month(measure.BaselineTo), Plot(null, 1),
                signals.Select(s => Describe(s, values, median ?? 0, measure.BetterDirection)).ToList(), annotations, note);
        }

        IReadOnlyList<ControlLimits> limits;
        IReadOnlyList<double> plotted;
        double scale;
        var frozen = inBaseline.Count >= 2;
        if (measure.Kind == MeasureKind.Proportion)
        {
            var counts = ordered.Select(p => ((double)(p.Numerator ?? 0), (double)(p.Denominator ?? 0))).ToList();
            limits = ControlCharts.Proportions(counts, frozen ? inBaseline.Select(i => counts[i]).ToList() : null);
            plotted = counts.Select(c => c.Item1 / c.Item2).ToList();
            scale = 100;
        }
        else
        {
            limits = ControlCharts.Individuals(values, frozen ? inBaseline.Select(i => values[i]).ToList() : null);
            plotted = values;
            scale = 1;
        }
        var causes = ControlCharts.SpecialCauses(plotted, limits);
        var mean = limits[0].Centre * scale;
        return new MeasureChart(measure.Id, measure.Name, measure.Kind, measure.Unit, measure.BetterDirection, ChartType.Control, controlName,
            median, basis, mean, measure.Target, Month(measure.BaselineFrom), Month(measure.BaselineTo), Plot(limits, scale),
            causes.Select(s => Describe(s, values, mean, measure.BetterDirection)).ToList(), annotations,
            frozen ? "Limits are frozen at the baseline period." : null);
    }

    private static string? Month(DateOnly? month) => month is { } m ? PeriodText(m) : null;

    private static ChartSignalView Describe(ChartSignal signal, List<double> values, double centre, BetterDirection better)
    {
        var flagged = signal.Points.Select(i => values[i]).ToList();
        var direction = signal.Rule switch
        {
            "runs" or "fifteen-inner" => 0,
            "trend" => Math.Sign(flagged[^1] - flagged[0]),
            _ => Math.Sign(flagged.Average() - centre),
        };
        bool? favourable = direction == 0 ? null : direction > 0 == (better == BetterDirection.Up);
        var way = direction > 0 ? "up" : direction < 0 ? "down" : "none";
        var description = signal.Rule switch
        {
            "shift" => $"{signal.Points.Count} points in a row {(direction > 0 ? "above" : "below")} the centre line.",
            "trend" => $"{signal.Points.Count} points in a row going {way}.",
            "runs" when signal.Runs is { TooFew: true } r => $"Too few runs around the median: {r.Observed} where at least {r.Lower} are expected for {r.Useful} points. The data stay on one side too long: something has shifted.",
            "runs" when signal.Runs is { } r => $"Too many runs around the median: {r.Observed} where at most {r.Upper} are expected for {r.Useful} points. The data swing more than chance would: often data mixed from two sources, or over-adjustment.",
            "astronomical" => $"{Counting.Of(signal.Points.Count, "point")} flagged as obviously different.",
            "outside-limits" => $"{Counting.Of(signal.Points.Count, "point")} outside the control limits.",
            "two-of-three" => "Two of three points in a row beyond two sigma on the same side.",
            "fifteen-inner" => "Fifteen or more points in a row close to the centre line: less variation than expected.",
            _ => signal.Rule,
        };
        return new ChartSignalView(signal.Rule, signal.Points, way, favourable, description);
    }
}
