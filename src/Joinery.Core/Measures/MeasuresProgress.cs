using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Measures;

/// <summary>
/// The Plan gate's "outcome measures defined" (at least one outcome measure, every measure with a
/// target), the Prepare gate's "baseline collected" (every measure has one), and step 8: in
/// progress once measures exist, done when each has a baseline and data within its last two periods.
/// </summary>
public sealed class MeasuresProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string DefinedCode = "measures-defined", DefinedText = "Measures chosen, at least one on results for the people served, each with a target";
        const string BaselineCode = "baseline-collected", BaselineText = "Baseline collected for every measure";
        var measures = await db.Set<Measure>().AsNoTracking().Where(m => m.PartnershipId == partnership.Id)
            .Select(m => new { m.Id, m.Name, m.Type, m.Target, m.BaselineValue, m.Frequency }).ToListAsync(cancellationToken);
        if (measures.Count == 0)
        {
            return RoadmapPart.Of(
                new GateCriterion(Phase.Plan, 40, "/measures", Criterion.NotStarted(DefinedCode, DefinedText, "No measure defined yet.")),
                new GateCriterion(Phase.Prepare, 20, "/measures", Criterion.NotStarted(BaselineCode, BaselineText, "No measure defined yet.")));
        }
        var latest = await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.PartnershipId == partnership.Id)
            .GroupBy(p => p.MeasureId).Select(g => new { MeasureId = g.Key, Latest = g.Max(p => p.Period) }).ToListAsync(cancellationToken);
        var outcomes = measures.Count(m => m.Type == MeasureType.Outcome);
        var withoutTarget = measures.Where(m => m.Target is null).Select(m => m.Name).ToList();
        var defined = new Criterion(DefinedCode, DefinedText,
            outcomes > 0 && withoutTarget.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            outcomes == 0 ? $"{Counting.Of(measures.Count, "measure")}, all about how the work is done; none yet on results for the people served (a measure of type Outcome)."
                : withoutTarget.Count > 0 ? $"No target yet for {string.Join(", ", withoutTarget)}."
                : $"{Counting.Of(measures.Count, "measure")}, {outcomes} of them on results for the people served, each with a target.");
        var withoutBaseline = measures.Where(m => m.BaselineValue is null).Select(m => m.Name).ToList();
        var baseline = new Criterion(BaselineCode, BaselineText, withoutBaseline.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            withoutBaseline.Count == 0 ? $"All {Counting.Of(measures.Count, "measure")} {Counting.Verb(measures.Count, "has", "have")} a baseline." : $"No baseline yet for {string.Join(", ", withoutBaseline)}.");
        var thisMonth = new DateOnly(partnership.Today.Year, partnership.Today.Month, 1);
        var current = measures.Count(m => latest.FirstOrDefault(l => l.MeasureId == m.Id)?.Latest
            >= thisMonth.AddMonths(-2 * (m.Frequency == ReportingFrequency.Quarterly ? 3 : 1)));
        return new RoadmapPart([new GateCriterion(Phase.Plan, 40, "/measures", defined), new GateCriterion(Phase.Prepare, 20, "/measures", baseline)],
            [new StepPart(8, withoutBaseline.Count == 0 && current == measures.Count ? StepStatus.Done : StepStatus.InProgress,
                $"{Counting.Of(measures.Count, "measure")}; {measures.Count - withoutBaseline.Count} with a baseline; {current} with recent data.")]);
    }
}

/// <summary>Step 8's warning signs: measures without a baseline, without recent data, or moving the wrong way.</summary>
public sealed class MeasuresSignals(MeasuresWork measures) : IHealthContribution
{
    public static readonly Threshold MissedPeriods = new("MissedPeriods", "Reporting periods a measure may miss in a row", 2, 1, 12);

    public IReadOnlyList<Threshold> Thresholds => [MissedPeriods];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var charts = await measures.ChartsAsync(partnership.Id, cancellationToken);
        var noBaseline = charts.Where(x => x.Measure.BaselineValue is null).ToList();
        // A baseline matters before launch and while operating; a closing partnership can no longer collect one.
        if (noBaseline.Count > 0 && partnership.Phase != Phase.Close)
        {
            signals.Add(new("measure-no-baseline", Severity.Warning, 8,
                $"{Counting.Of(noBaseline.Count, "measure")} {Counting.Verb(noBaseline.Count, "has", "have")} no baseline: without one, nobody can tell whether the partnership made a difference.",
                noBaseline.Select(x => new Evidence("measure", x.Measure.Id, x.Measure.Name)).ToList(), partnership.Path + "/measures"));
        }
        var missed = thresholds[MissedPeriods];
        var thisMonth = new DateOnly(partnership.Today.Year, partnership.Today.Month, 1);
        var stale = charts.Where(x =>
        {
            var step = x.Measure.Frequency == ReportingFrequency.Quarterly ? 3 : 1;
            var due = thisMonth.AddMonths(-step * missed);
            var latest = x.Chart.Points.Count > 0 ? DateOnly.ParseExact(x.Chart.Points[^1].Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            var created = DateOnly.FromDateTime(x.Measure.CreatedAt.UtcDateTime);
            return latest is { } l ? l < due : created < due;
        }).ToList();
        if (stale.Count > 0)
        {
            signals.Add(new("measure-no-recent-data", Severity.Warning, 8,
                $"{Counting.Of(stale.Count, "measure")} {Counting.Verb(stale.Count, "has", "have")} missed {missed} or more reporting periods in a row.",
                stale.Select(x => new Evidence("measure", x.Measure.Id, x.Measure.Name)).ToList(), partnership.Path + "/measures"));
        }
        foreach (var (measure, chart) in charts)
        {
            // Only signals that reach the latest points: a dip two years ago that recovered is history.
            var recentFrom = chart.Points.Count - 3;
            var against = chart.Signals.Where(s => s.Favourable == false && s.Points.Any(i => i >= recentFrom)).ToList();
            if (against.Count > 0)
            {
                signals.Add(new("measure-unfavourable", Severity.Critical, 8,
                    $"“{measure.Name}” is moving the wrong way: {string.Join(" ", against.Select(s => s.Description))}",
                    [new Evidence("measure", measure.Id, measure.Name)], $"{partnership.Path}/measures/{measure.Id}"));
            }
        }
        return signals;
    }
}
