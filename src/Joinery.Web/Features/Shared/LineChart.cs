using System.Globalization;

namespace Joinery.Web.Features.Shared;

/// <summary>One line of a <see cref="LineChart"/>: a value (or none) for each period.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A value written beside the last point of a line, moved apart from its neighbours so labels never overlap.</summary>
public sealed record LatestLabel(int Series, string Text, double X, double Y);

/// <summary>
/// Where things go on a line chart of a few series over evenly spaced periods (months, quarters,
/// survey rounds): the scale, the points, period labels at a regular step, and each line's latest
/// value labelled at its end. The partial _LineChart draws it; lines differ by dash and marker shape,
/// not colour alone, so they read in black and white. A table with the same numbers goes with it.
/// </summary>
public sealed class LineChart
{
    public const double Top = 16;
    public const double Bottom = 40;
    public const double Left = 48;
    private const double LabelGap = 15;

    public string Title { get; }
    public IReadOnlyList<string> Periods { get; }
    public IReadOnlyList<LineSeries> Series { get; }
    public double Width { get; }
    public double Height { get; }
    public double Right { get; }
    public double Min { get; }
    public double Max { get; }
    private readonly Func<double, string> _format;
    private readonly double _step;

    /// <summary>
    /// A chart of <paramref name="series"/> over <paramref name="periods"/>. The scale runs from
    /// <paramref name="min"/> (for example 1 for a 1–5 agreement scale; by default 0, or lower if a
    /// value is) to <paramref name="max"/> (by default just above the largest value); <paramref name="whole"/>
    /// puts the ticks of counts on whole numbers; about <paramref name="steps"/> steps between ticks (fewer on a small chart).
    /// </summary>
    public LineChart(string title, IReadOnlyList<string> periods, IReadOnlyList<LineSeries> series,
        double? min = null, double? max = null, bool whole = false, Func<double, string>? format = null, double width = 760, double height = 280, int steps = 4)
    {
        Title = title;
        Periods = periods;
        Series = series;
        Width = width;
        Height = height;
        _format = format ?? (v => v.ToString(whole ? "0" : "0.0#", CultureInfo.InvariantCulture));
        Right = series.Count > 1 ? 124 : 56;
        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        var low = min ?? Math.Min(0, values.DefaultIfEmpty(0).Min());
        var high = max ?? Math.Max(low + (whole ? 4 : 1), values.DefaultIfEmpty(0).Max());
        _step = NiceStep((high - low) / steps, whole);
        Min = min ?? Math.Floor(low / _step) * _step;
        Max = max ?? Math.Ceiling(high / _step) * _step;
        if (Max <= Min)
        {
            Max = Min + _step;
        }
    }

    private static double NiceStep(double raw, bool whole)
    {
        if (raw <= 0)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw - 1e-9);
        return whole ? Math.Max(1, Math.Ceiling(nice)) : nice;
    }

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public string Format(double value) => _format(value);

    public double PlotRight => Width - Right;

    public double PlotBottom => Height - Bottom;

    public double X(int period) => Periods.Count <= 1
        ? Left + ((PlotRight - Left) / 2)
        : Left + (period * (PlotRight - Left) / (Periods.Count - 1));

    public double Y(double value) => Top + ((Max - value) * (PlotBottom - Top) / (Max - Min));

    /// <summary>Value ticks at a regular, round step.</summary>
    public IEnumerable<double> Ticks()
    {
        for (var v = Min; v <= Max + 1e-9; v += _step)
        {
            yield return Math.Round(v, 6);
        }
    }

    /// <summary>Periods labelled at a regular step counted back from the last, at most eight labels.</summary>
    public bool Labelled(int period)
    {
        var every = Math.Max(1, (int)Math.Ceiling(Periods.Count / 8.0));
        return (Periods.Count - 1 - period) % every == 0;
    }

    /// <summary>The unbroken stretches of a line: a period without a value breaks it.</summary>
    public IEnumerable<string> Segments(int series)
    {
        var values = Series[series].Values;
        var current = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                current.Add($"{N(X(i))},{N(Y(v))}");
                continue;
            }
            if (current.Count > 0)
            {
                yield return string.Join(' ', current);
            }
            current = [];
        }
        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }

    /// <summary>Each line's latest value (with the line's name when there are several), beside its last point, spread so none overlaps.</summary>
    public IReadOnlyList<LatestLabel> LatestLabels()
    {
        var labels = Series.Select((s, i) => (Series: i, Last: LastIndex(s)))
            .Where(l => l.Last >= 0)
            .Select(l => new LatestLabel(l.Series,
                Series.Count > 1 ? $"{Format(Series[l.Series].Values[l.Last]!.Value)} {Series[l.Series].Name}" : Format(Series[l.Series].Values[l.Last]!.Value),
                X(l.Last) + 10, Y(Series[l.Series].Values[l.Last]!.Value) + 4))
            .OrderBy(l => l.Y).ToList();
        for (var i = 1; i < labels.Count; i++)
        {
            if (labels[i].Y - labels[i - 1].Y < LabelGap)
            {
                labels[i] = labels[i] with { Y = labels[i - 1].Y + LabelGap };
            }
        }
        var overflow = labels.Count > 0 ? labels[^1].Y - (PlotBottom + 4) : 0;
        return overflow > 0 ? labels.Select(l => l with { Y = l.Y - overflow }).ToList() : labels;
    }

    private static int LastIndex(LineSeries series)
    {
        for (var i = series.Values.Count - 1; i >= 0; i--)
        {
            if (series.Values[i] is not null)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>What a screen reader hears: the span of periods and each line's latest value.</summary>
    public string Description
    {
        get
        {
            if (Periods.Count == 0 || Series.All(s => LastIndex(s) < 0))
            {
                return $"{Title}: no data yet.";
            }
            var latest = Series.Where(s => LastIndex(s) >= 0)
                .Select(s => $"{s.Name} {Format(s.Values[LastIndex(s)]!.Value)} in {Periods[LastIndex(s)]}");
            return $"{Title}, {Periods[0]} to {Periods[^1]}. Latest: {string.Join("; ", latest)}.";
        }
    }
}
