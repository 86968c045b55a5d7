namespace Joinery.Core.Measures;

/// <summary>A rule that fired and the points (0-based indexes in time order) that show it.</summary>
public sealed record ChartSignal(string Rule, IReadOnlyList<int> Points, RunCount? Runs = null);

/// <summary>What the runs rule counted: the runs seen among the useful points and the range expected by chance.</summary>
public sealed record RunCount(int Observed, int Lower, int Upper, int Useful)
{
    public bool TooFew => Observed < Lower;
}

/// <summary>
/// The run-chart rules of frameworks.md §7.2, as pure functions over values in time order:
/// shift (6 or more on one side of the median; points on the median neither count nor break),
/// trend (5 or more going one way; equal neighbours count once), too few or too many runs for the
/// number of useful observations (limits from the exact Swed–Eisenhart distribution, 5% total),
/// and astronomical points, which a person flags.
/// </summary>
public static class RunChartRules
{
    public const int ShiftLength = 6;
    public const int TrendLength = 5;

    /// <summary>Below this many useful observations the runs rule says nothing.</summary>
    public const int MinimumForRuns = 10;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A median needs at least one value.", nameof(values));
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static IReadOnlyList<ChartSignal> Evaluate(IReadOnlyList<double> values, double? median = null, IEnumerable<int>? astronomical = null)
    {
        var signals = new List<ChartSignal>();
        if (values.Count == 0)
        {
            return signals;
        }
        var centre = median ?? Median(values);
        signals.AddRange(Shifts(values, centre, ShiftLength).Select(points => new ChartSignal("shift", points)));
        signals.AddRange(Trends(values, TrendLength).Select(points => new ChartSignal("trend", points)));
        if (Runs(values, centre) is { } runs)
        {
            signals.Add(runs);
        }
        var flagged = (astronomical ?? []).Where(i => i >= 0 && i < values.Count).Distinct().Order().ToList();
        if (flagged.Count > 0)
        {
            signals.Add(new ChartSignal("astronomical", flagged));
        }
        return signals;
    }

    /// <summary>Stretches of at least <paramref name="length"/> points on one side of the centre; points on it are skipped.</summary>
    public static IEnumerable<IReadOnlyList<int>> Shifts(IReadOnlyList<double> values, double centre, int length, bool centreBreaks = false)
    {
        var run = new List<int>();
        var side = 0;
        foreach (var (value, index) in values.Select((v, i) => (v, i)))
        {
            var here = value > centre ? 1 : value < centre ? -1 : 0;
            if (here == 0)
            {
                if (centreBreaks)
                {
                    if (run.Count >= length)
                    {
                        yield return run;
                    }
                    run = [];
                    side = 0;
                }
                continue;
            }
            if (here != side)
            {
                if (run.Count >= length)
                {
                    yield return run;
                }
                run = [];
                side = here;
            }
            run.Add(index);
        }
        if (run.Count >= length)
        {
            yield return run;
        }
    }

    /// <summary>Stretches of at least <paramref name="length"/> points each higher (or each lower) than the one before; equal neighbours count once.</summary>
    public static IEnumerable<IReadOnlyList<int>> Trends(IReadOnlyList<double> values, int length)
    {
        var direction = 0;
        var distinct = 1;
        var start = 0;
        for (var i = 1; i <= values.Count; i++)
        {
            var step = i == values.Count ? 0 : Math.Sign(values[i] - values[i - 1]);
            if (i < values.Count && step == 0)
            {
                continue;
            }
            if (i < values.Count && (step == direction || direction == 0))
            {
                direction = step;
                distinct++;
                continue;
            }
            if (distinct >= length)
            {
                yield return Enumerable.Range(start, i - start).ToList();
            }
            if (i == values.Count)
            {
                yield break;
            }
            // The turning point starts the next stretch, together with any equal values before it.
            var back = i - 1;
            while (back > 0 && values[back - 1] == values[back])
            {
                back--;
            }
            start = back;
            direction = step;
            distinct = 2;
        }
    }

    /// <summary>The runs rule: a signal when the number of runs among useful observations is outside the limits.</summary>
    public static ChartSignal? Runs(IReadOnlyList<double> values, double centre)
    {
        var useful = values.Select((v, i) => (v, i)).Where(p => p.v != centre).ToList();
        if (useful.Count < MinimumForRuns)
        {
            return null;
        }
        var runs = 1 + useful.Zip(useful.Skip(1)).Count(pair => pair.First.v > centre != pair.Second.v > centre);
        var (lower, upper) = RunsLimits(useful.Count);
        return runs < lower || runs > upper ? new ChartSignal("runs", useful.Select(p => p.i).ToList(), new RunCount(runs, lower, upper, useful.Count)) : null;
    }

    /// <summary>
    /// Two-sided limits for the number of runs with <paramref name="useful"/> observations split as
    /// evenly as possible: the smallest r with P(R ≤ r) &gt; 2.5% and the largest with P(R ≥ r) &gt; 2.5%.
    /// </summary>
    public static (int Lower, int Upper) RunsLimits(int useful)
    {
        var above = useful / 2;
        var below = useful - above;
        var probabilities = Enumerable.Range(0, useful + 2).Select(r => RunsProbability(r, above, below)).ToArray();
        var lower = 2;
        double cumulative = 0;
        for (var r = 2; r <= useful; r++)
        {
            cumulative += probabilities[r];
            if (cumulative > 0.025)
            {
                lower = r;
                break;
            }
        }
        var upper = useful;
        cumulative = 0;
        for (var r = useful; r >= 2; r--)
        {
            cumulative += probabilities[r];
            if (cumulative > 0.025)
            {
                upper = r;
                break;
            }
        }
        return (lower, upper);
    }

    /// <summary>P(R = r) for a random arrangement of a and b points (Swed and Eisenhart, 1943).</summary>
    private static double RunsProbability(int r, int a, int b)
    {
        if (r < 2)
        {
            return 0;
        }
        var total = Choose(a + b, a);
        var k = r / 2;
        return r % 2 == 0
            ? 2 * Choose(a - 1, k - 1) * Choose(b - 1, k - 1) / total
            : ((Choose(a - 1, k - 1) * Choose(b - 1, k)) + (Choose(a - 1, k) * Choose(b - 1, k - 1))) / total;
    }

    private static double Choose(int n, int k)
    {
        if (k < 0 || n < 0 || k > n)
        {
            return 0;
        }
        double result = 1;
        for (var i = 1; i <= Math.Min(k, n - k); i++)
        {
            result = result * (n - Math.Min(k, n - k) + i) / i;
        }
        return result;
    }
}
