using System.Globalization;
using Joinery.Core.Readiness;

namespace Joinery.Web.Features.Readiness;

/// <summary>One organization's mean of one factor, placed on the chart; partners sit a little apart vertically so equal means both show.</summary>
public sealed record ReadinessMark(int Organization, double Mean, double X, double Y);

/// <summary>One factor's row: its title, each organization's mark, and the gap between them.</summary>
public sealed record ReadinessChartRow(string Title, double Y, IReadOnlyList<ReadinessMark> Marks, double? Gap, bool TalkAboutThis);

/// <summary>
/// Readiness by factor for every partner at once: a row per factor on the 1–5 agreement scale,
/// shaded by band (concern below 3, borderline to 4, strength from 4), each organization a marker
/// of its own shape, joined by a line whose length is the gap. The partial _ReadinessChart draws it;
/// the results table under it carries the same numbers.
/// </summary>
public sealed class ReadinessChart
{
    public const double Width = 760;
    public const double LabelRight = 222;
    public const double ScaleLeft = 236;
    public const double ScaleRight = 612;
    public const double Top = 40;
    public const double RowHeight = 30;

    public IReadOnlyList<string> Organizations { get; }
    public IReadOnlyList<ReadinessChartRow> Rows { get; }

    public ReadinessChart(IReadOnlyList<FactorScores> results, IReadOnlyList<Guid> organizations, IReadOnlyDictionary<Guid, string> names)
    {
        Organizations = organizations.Select(o => names[o]).ToList();
        Rows = results.Select((f, row) => new ReadinessChartRow(f.Factor.Text, Top + (row * RowHeight) + (RowHeight / 2),
            organizations.Select((org, i) => (i, score: f.Factor.ByOrganization.FirstOrDefault(s => s.OrganizationId == org)))
                .Where(o => o.score?.Shown is not null)
                .Select(o => new ReadinessMark(o.i, o.score!.Shown!.Value, X(o.score.Shown!.Value),
                    Top + (row * RowHeight) + (RowHeight / 2) + ((o.i - ((organizations.Count - 1) / 2.0)) * 4))).ToList(),
            f.Factor.Gap, f.Factor.TalkAboutThis)).ToList();
    }

    public double Height => Top + (Rows.Count * RowHeight) + 8;

    public static double X(double mean) => ScaleLeft + ((mean - 1) * (ScaleRight - ScaleLeft) / 4);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>What a screen reader hears: who is compared, and where the partners differ by a point or more.</summary>
    public string Description
    {
        get
        {
            var talk = Rows.Where(r => r.TalkAboutThis).Select(r => $"{r.Title} (gap {Score(r.Gap!.Value)})").ToList();
            var who = string.Join(" and ", Organizations);
            return Rows.Count == 0 ? "No answers yet."
                : $"Mean of each factor on the 1 to 5 agreement scale for {who}."
                  + (Organizations.Count < 2 ? "" : talk.Count == 0 ? " No factor has a gap of 1.0 or more." : $" Gaps of 1.0 or more: {string.Join(", ", talk)}.");
        }
    }
}
