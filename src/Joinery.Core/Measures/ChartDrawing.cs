using System.Globalization;

namespace Joinery.Core.Measures;

/// <summary>
/// Where things go on a measure's SVG chart: the value scale, point positions, tick labels and the
/// sentence that describes the chart to a screen reader. The page partial _Chart draws it as SVG and the PDF writer draws it on paper; the data
/// table under the chart carries the same numbers.
/// </summary>
public sealed class ChartDrawing
{
    public const double Width = 760;
    public const double Height = 320;
    public const double Left = 64;
    public const double Right = 84;
    public const double Top = 16;
    public const double Bottom = 48;

    public MeasureChart Chart { get; }
    public double Min { get; }
    public double Max { get; }

    /// <summary>Each point's month, counted from the first point's: a month without data keeps its place on the time axis.</summary>
    private readonly int[] _months;
    private readonly bool _monthly;

    public ChartDrawing(MeasureChart chart)
    {
        Chart = chart;
        var parsed = chart.Points.Select(p => Month(p.Period)).ToList();
        _monthly = parsed.All(m => m is not null) && parsed.Distinct().Count() == parsed.Count;
        _months = _monthly && parsed.Count > 0 ? parsed.Select(m => m!.Value - parsed[0]!.Value).ToArray() : Enumerable.Range(0, parsed.Count).ToArray();
        var values = chart.Points.Select(p => p.Value)
            .Concat(chart.Points.SelectMany(p => new[] { p.Lower, p.Upper }).OfType<double>())
            .Concat(new[] { chart.Median, chart.Centre, chart.Target }.OfType<double>())
            .ToList();
        var min = values.Count > 0 ? values.Min() : 0;
        var max = values.Count > 0 ? values.Max() : 1;
        if (max - min < 1e-9)
        {
            min -= 1;
            max += 1;
        }
        var pad = (max - min) * 0.08;
        Min = chart.Unit == "%" ? Math.Max(0, min - pad) : min - pad;
        Max = chart.Unit == "%" ? Math.Min(100, max + pad) : max + pad;
        if (Max <= Min)
        {
            Max = Min + 1;
        }
    }

    /// <summary>A period code ("2026-12") as a count of months; null for a code of another shape (the chart then spaces points evenly).</summary>
    private static int? Month(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (day.Year * 12) + day.Month - 1 : null;

    private int Span => _months.Length == 0 ? 0 : _months[^1];

    private double XOfMonth(int month) => Left + (AlongMonths(month) * (Width - Left - Right));

    private double AlongMonths(int month) => Span == 0 ? 0.5 : (double)month / Span;

    /// <summary>How far along the time axis a point sits, from 0 (the first month) to 1 (the latest), by its month: any drawing of the chart, however wide, spaces time the same.</summary>
    public double Along(int index) => AlongMonths(_months[index]);

    /// <summary>Where a point sits: by its month, so the time axis is regular even where a month has no data.</summary>
    public double X(int index) => XOfMonth(_months[index]);

    public double Y(double value) => Top + ((Max - value) * (Height - Top - Bottom) / (Max - Min));

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public string Format(double value) => MeasuresWork.Format(value, Chart.Unit);

    public string Line(Func<ChartPoint, double?> pick) => string.Join(' ', Chart.Points
        .Where(p => pick(p) is not null).Select(p => $"{N(X(p.Index))},{N(Y(pick(p)!.Value))}"));

    public IEnumerable<double> Ticks()
    {
        var raw = (Max - Min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var v = Math.Ceiling(Min / step) * step; v <= Max + 1e-9; v += step)
        {
            yield return Math.Round(v, 6);
        }
    }

    /// <summary>
    /// The time axis: a tick every n months (at most ten labels, so they never overlap), counted back
    /// from the latest month so it is always labelled, as "Dec 2026".
    /// </summary>
    public IEnumerable<(double X, string Label)> MonthTicks()
    {
        if (Chart.Points.Count == 0)
        {
            return [];
        }
        var every = Math.Max(1, (int)Math.Ceiling((Span + 1) / 10.0));
        if (!_monthly)
        {
            return Chart.Points.Where(p => (Span - p.Index) % every == 0).Select(p => (XOfMonth(p.Index), p.Period));
        }
        var month = Month(Chart.Points[^1].Period)!.Value;
        var latest = new DateOnly(month / 12, (month % 12) + 1, 1);
        return Enumerable.Range(0, (Span / every) + 1).Reverse()
            .Select(k => (XOfMonth(Span - (k * every)), Common.ShownDates.Month(latest.AddMonths(-k * every))));
    }

    /// <summary>The latest value, written beside the last point.</summary>
    public (double X, double Y, string Text)? LatestLabel => Chart.Points.Count == 0 ? null
        : (X(Chart.Points[^1].Index) + 9, Y(Chart.Points[^1].Value) + 4, Format(Chart.Points[^1].Value));

    /// <summary>Points in a signal are drawn as squares: "good" when the signal is favourable, "bad" when not, plain otherwise.</summary>
    public string? SignalClass(int index)
    {
        var signals = Chart.Signals.Where(s => s.Rule != "runs" && s.Points.Contains(index)).ToList();
        return signals.Count == 0 ? null
            : signals.Any(s => s.Favourable == false) ? "bad"
            : signals.Any(s => s.Favourable == true) ? "good"
            : "neutral";
    }

    public string Title => Chart.Type == ChartType.Run
        ? $"Run chart of {Chart.Name}"
        : $"{(Chart.ControlChart == "p" ? "p-chart" : "XmR chart")} of {Chart.Name}";

    public string Description
    {
        get
        {
            if (Chart.Points.Count == 0)
            {
                return "No data yet.";
            }
            var parts = new List<string>
            {
                $"{Chart.Points.Count} months from {Common.ShownDates.Month(Chart.Points[0].Period)} to {Common.ShownDates.Month(Chart.Points[^1].Period)}; latest {Format(Chart.Points[^1].Value)}.",
            };
            if (Chart.Median is { } median)
            {
                parts.Add($"{(Chart.MedianBasis == "baseline" ? "Baseline median" : "Median")} {Format(median)}.");
            }
            if (Chart.Type == ChartType.Control && Chart.Centre is { } centre)
            {
                parts.Add($"Centre line {Format(centre)}.");
            }
            if (Chart.Target is { } target)
            {
                parts.Add($"Target {Format(target)}; {(Chart.BetterDirection == BetterDirection.Up ? "higher" : "lower")} is better.");
            }
            parts.Add(Chart.Signals.Count == 0 ? "No rule signals." : "Signals: " + string.Join(" ", Chart.Signals.Select(s => s.Description)));
            return string.Join(' ', parts);
        }
    }
}
