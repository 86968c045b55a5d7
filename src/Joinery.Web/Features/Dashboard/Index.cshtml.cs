using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Dashboard;

/// <summary>A measure drawn small, beside the others: its line, its target and its latest value and signal.</summary>
public sealed record SmallMultiple(MeasureChart Chart, string Latest, string? LatestPeriod, string Reading, string Tone)
{
    public const double Width = 240;
    public const double Height = 72;
    private const double Pad = 6;

    private (double Min, double Max) Scale
    {
        get
        {
            var values = Chart.Points.Select(p => p.Value).Concat(new[] { Chart.Target }.OfType<double>()).ToList();
            var (min, max) = values.Count == 0 ? (0d, 1d) : (values.Min(), values.Max());
            return max - min < 1e-9 ? (min - 1, max + 1) : (min, max);
        }
    }

    private readonly ChartDrawing _time = new(Chart);

    /// <summary>By month, as the measure's full chart places it, so a month without data keeps its place here too.</summary>
    public double X(int index) => Pad + (_time.Along(index) * (Width - (2 * Pad)));

    public double Y(double value) => Pad + ((Scale.Max - value) * (Height - (2 * Pad)) / (Scale.Max - Scale.Min));

    public string Line => string.Join(' ', Chart.Points.Select(p => $"{ChartDrawing.N(X(p.Index))},{ChartDrawing.N(Y(p.Value))}"));

    public static SmallMultiple Of(MeasureChart chart)
    {
        var last = chart.Points.Count == 0 ? null : chart.Points[^1];
        // A signal with a direction (improvement, or moving the wrong way) says more than one without (too few runs).
        var signal = last is null ? null : chart.Signals.LastOrDefault(s => s.Points.Contains(last.Index) && s.Favourable is not null)
            ?? chart.Signals.LastOrDefault(s => s.Points.Contains(last.Index));
        var (reading, tone) = last is null ? ("No data yet.", "none")
            : signal is null ? ("No signal: the latest points vary as usual.", "none")
            : (signal.Description, signal.Favourable switch { true => "good", false => "bad", _ => "none" });
        return new SmallMultiple(chart, last is null ? "no data" : MeasuresWork.Format(last.Value, chart.Unit), last?.Period, reading, tone);
    }
}

public sealed record ExpiringAgreement(Guid Id, string Title, DateOnly ExpiresOn, DateOnly? NoticeOn, int DaysLeft);

/// <summary>
/// One screen for an executive: the partnership's health, how far the current phase's gate is,
/// each measure drawn small with its latest signal, and the agreements that expire soon.
/// </summary>
[InNavigation(NavGroup.Overview, 2, "Dashboard", "/dashboard")]
public sealed class IndexModel(JoineryDb db, PartnershipHealth health, ComputeRoadmap roadmap, MeasuresWork measures, AgreementList agreements) : PartnershipPage(db)
{
    /// <summary>How far ahead an agreement's expiry shows here.</summary>
    public const int ExpiryHorizonDays = 120;

    public IReadOnlyList<HealthSignal> Signals { get; private set; } = [];
    public RoadmapView Roadmap { get; private set; } = null!;
    public IReadOnlyList<SmallMultiple> Measures { get; private set; } = [];
    public IReadOnlyList<ExpiringAgreement> Expiring { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "dashboard", cancellationToken))
        {
            return NotFound();
        }
        Today = DateOnly.FromDateTime(Db.Now.UtcDateTime);
        Signals = (await health.SignalsAsync(id, cancellationToken))!;
        Roadmap = (await roadmap.RunAsync(id, cancellationToken))!;
        Measures = (await measures.ChartsAsync(id, cancellationToken)).Select(m => SmallMultiple.Of(m.Chart)).ToList();
        Expiring = (await agreements.ReadAsync(id, cancellationToken))
            .Where(a => a.InForce && a.ExpiresOn is { } expires && expires.DayNumber - Today.DayNumber <= ExpiryHorizonDays)
            .Select(a => new ExpiringAgreement(a.Id, a.Title, a.ExpiresOn!.Value, a.NoticeOn, a.ExpiresOn.Value.DayNumber - Today.DayNumber))
            .OrderBy(a => a.ExpiresOn)
            .ToList();
        return Page();
    }

    public int Count(Severity severity) => Signals.Count(s => s.Severity == severity);
}
