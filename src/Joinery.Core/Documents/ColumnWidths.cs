namespace Joinery.Core.Documents;

/// <summary>
/// Shares a table's width between its columns by their content: each column first gets its longest
/// word (so no word breaks) where the page allows, then the rest of the width is shared in proportion
/// to the columns' natural widths (their longest cell on one line), a column never getting more than
/// its natural width while another still wants room.
/// </summary>
public static class ColumnWidths
{
    /// <summary>What a column needs: its widest unbreakable word and its widest cell unbroken, padding included.</summary>
    public readonly record struct Need(double LongestWord, double Natural);

    public static double[] Share(IReadOnlyList<Need> columns, double available)
    {
        var minimums = columns.Select(c => c.LongestWord).ToArray();
        var naturals = columns.Select(c => Math.Max(c.Natural, c.LongestWord)).ToArray();
        var least = minimums.Sum();
        if (least >= available)
        {
            // Not every longest word fits: the narrowest columns still get theirs, as far as an equal share
            // of what is left allows, and only the widest words (a long web address) are hyphenated.
            var shared = new double[columns.Count];
            var remaining = available;
            var left = columns.Count;
            foreach (var i in Enumerable.Range(0, columns.Count).OrderBy(i => minimums[i]))
            {
                shared[i] = Math.Min(minimums[i], remaining / left--);
                remaining -= shared[i];
            }
            return shared;
        }
        var widths = (double[])minimums.Clone();
        var rest = available - least;
        // Fill towards the natural widths, in proportion to them; a column that reaches its natural width
        // stops growing and what it would have taken goes to the others.
        var growing = Enumerable.Range(0, columns.Count).Where(i => naturals[i] > widths[i]).ToList();
        while (rest > 1e-6 && growing.Count > 0)
        {
            var weight = growing.Sum(i => naturals[i]);
            var given = 0.0;
            foreach (var i in growing)
            {
                var share = Math.Min(rest * naturals[i] / weight, naturals[i] - widths[i]);
                widths[i] += share;
                given += share;
            }
            rest -= given;
            growing = growing.Where(i => naturals[i] - widths[i] > 1e-6).ToList();
        }
        if (rest > 1e-6)
        {
            // Every column has its natural width and there is room to spare: the table still spans the page.
            var total = widths.Sum();
            widths = widths.Select(w => w + (rest * w / total)).ToArray();
        }
        return widths;
    }
}
