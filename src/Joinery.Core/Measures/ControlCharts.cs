namespace Joinery.Core.Measures;

/// <summary>Centre line and limits at one point; sigma is a third of the distance to a limit before any floor or cap.</summary>
public sealed record ControlLimits(double Centre, double Lower, double Upper, double Sigma);

/// <summary>
/// Shewhart charts of frameworks.md §7.3: XmR (individuals) for values and the p-chart for
/// proportions, and the special-cause rules: a point outside a limit, 8 in a row on one side of
/// the centre, 6 in a row going one way, 2 of 3 beyond two sigma on one side, 15 in a row within one sigma.
/// </summary>
public static class ControlCharts
{
    /// <summary>
    /// XmR limits: mean ± 2.66 × the mean moving range (2.66 = 3 / d2, d2 = 1.128), computed from
    /// <paramref name="baseline"/> when the limits are frozen there, else from all the values.
    /// </summary>
    public static IReadOnlyList<ControlLimits> Individuals(IReadOnlyList<double> values, IReadOnlyList<double>? baseline = null)
    {
        var basis = baseline ?? values;
        if (basis.Count < 2)
        {
            throw new ArgumentException("An XmR chart needs at least two values.", nameof(values));
        }
        var mean = basis.Average();
        var movingRange = basis.Zip(basis.Skip(1)).Average(pair => Math.Abs(pair.Second - pair.First));
        var limits = new ControlLimits(mean, mean - (2.66 * movingRange), mean + (2.66 * movingRange), 2.66 * movingRange / 3);
        return values.Select(_ => limits).ToList();
    }

    /// <summary>
    /// p-chart limits for each period: p̄ ± 3√(p̄(1−p̄)/nᵢ), floored at 0 and capped at 1; p̄ comes
    /// from <paramref name="baseline"/> when the limits are frozen there, else from all the periods.
    /// </summary>
    public static IReadOnlyList<ControlLimits> Proportions(IReadOnlyList<(double Numerator, double Denominator)> points,
        IReadOnlyList<(double Numerator, double Denominator)>? baseline = null)
    {
        var basis = baseline ?? points;
        if (points.Count == 0 || basis.Count == 0 || points.Concat(basis).Any(p => p.Denominator <= 0 || p.Numerator < 0 || p.Numerator > p.Denominator))
        {
            throw new ArgumentException("Each period needs a denominator above zero and a numerator between zero and it.", nameof(points));
        }
        var centre = basis.Sum(p => p.Numerator) / basis.Sum(p => p.Denominator);
        return points.Select(p =>
        {
            var sigma = Math.Sqrt(centre * (1 - centre) / p.Denominator);
            return new ControlLimits(centre, Math.Max(0, centre - (3 * sigma)), Math.Min(1, centre + (3 * sigma)), sigma);
        }).ToList();
    }

    public static IReadOnlyList<ChartSignal> SpecialCauses(IReadOnlyList<double> values, IReadOnlyList<ControlLimits> limits)
    {
        if (values.Count != limits.Count)
        {
            throw new ArgumentException("One set of limits per value.", nameof(limits));
        }
        var signals = new List<ChartSignal>();
        var outside = values.Select((v, i) => (v, i)).Where(p => p.v > limits[p.i].Upper || p.v < limits[p.i].Lower).Select(p => p.i).ToList();
        if (outside.Count > 0)
        {
            signals.Add(new ChartSignal("outside-limits", outside));
        }
        var centre = limits.Count == 0 ? 0 : limits[0].Centre;
        signals.AddRange(RunChartRules.Shifts(values, centre, 8, centreBreaks: true).Select(p => new ChartSignal("shift", p)));
        signals.AddRange(RunChartRules.Trends(values, 6).Select(p => new ChartSignal("trend", p)));

        var twoOfThree = new SortedSet<int>();
        for (var i = 2; i < values.Count; i++)
        {
            foreach (var side in new[] { 1, -1 })
            {
                var beyond = Enumerable.Range(i - 2, 3).Where(j => side * (values[j] - limits[j].Centre) > 2 * limits[j].Sigma).ToList();
                if (beyond.Count >= 2)
                {
                    twoOfThree.UnionWith(beyond);
                }
            }
        }
        if (twoOfThree.Count > 0)
        {
            signals.Add(new ChartSignal("two-of-three", twoOfThree.ToList()));
        }

        var inner = new List<int>();
        var hugging = new SortedSet<int>();
        for (var i = 0; i <= values.Count; i++)
        {
            if (i < values.Count && Math.Abs(values[i] - limits[i].Centre) < limits[i].Sigma)
            {
                inner.Add(i);
                continue;
            }
            if (inner.Count >= 15)
            {
                hugging.UnionWith(inner);
            }
            inner = [];
        }
        if (hugging.Count > 0)
        {
            signals.Add(new ChartSignal("fifteen-inner", hugging.ToList()));
        }
        return signals;
    }
}
