using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Measures;

/// <summary>
/// Step 8: two years of monthly data for three measures. Follow-up of positive screens improves
/// after an improvement cycle (a shift above the frozen baseline median); the wait for a first
/// visit drifts down; the duplicate-assessment measure is new and has no baseline yet. Priya
/// defines the measures and runs the cycle, Ana records each month's data the month after, and the
/// baselines are frozen through the use cases, on the days they would have been.
/// </summary>
public sealed class MeasuresDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<Measure>().AnyAsync(m => m.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
        string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (priya, ana) = (U(2), U(8));
        // The story (definitions, data, baselines, cycles) comes from the generator the scale seed also uses.
        foreach (var (m, points, cycles) in DemoMeasures(id, priya.Id, ana.Id, U(10).Id, now, 24))
        {
            var input = new MeasureInput(m.Name, m.WhyItMatters, m.Type.ToText(), m.Kind.ToText(), m.Unit, m.Numerator, m.Denominator, m.DataSource,
                m.OwnerUserId?.ToString(), m.BetterDirection.ToText(), m.Target is { } target ? Text(target) : null, m.Frequency.ToText());
            var measureId = await act.AsAsync(priya, m.CreatedAt, s => s.GetRequiredService<MeasuresWork>().CreateAsync(id, input, cancellationToken), cancellationToken);
            foreach (var point in points.OrderBy(p => p.Period))
            {
                var data = m.Kind == MeasureKind.Proportion
                    ? new PointInput(Month(point.Period), point.Numerator?.ToString(CultureInfo.InvariantCulture), point.Denominator?.ToString(CultureInfo.InvariantCulture), null, null)
                    : new PointInput(Month(point.Period), null, null, Text(point.Value), null);
                await act.AsAsync(ana, point.RecordedAt, s => s.GetRequiredService<MeasuresWork>().RecordPointAsync(id, measureId, data, cancellationToken), cancellationToken);
            }
            foreach (var cycle in cycles)
            {
                // Planned before it started; what happened, what was learned and the decision written up after.
                var planned = new CycleInput(cycle.Title, cycle.Plan, cycle.Prediction, null, null, null, null, Day(cycle.StartedOn), null);
                var cycleId = await act.AsAsync(priya, cycle.CreatedAt, s => s.GetRequiredService<MeasuresWork>().SaveCycleAsync(id, measureId, null, planned, cancellationToken),
                    cancellationToken);
                var studied = planned with { Do = cycle.Do, Study = cycle.Study, Act = cycle.Act?.ToText(), NextStep = cycle.NextStep, EndedOn = Day(cycle.EndedOn) };
                await act.AsAsync(priya, cycle.UpdatedAt, s => s.GetRequiredService<MeasuresWork>().SaveCycleAsync(id, measureId, cycleId, studied, cancellationToken),
                    cancellationToken);
            }
            if (m is { BaselineFrom: { } from, BaselineTo: { } to, BaselineValue: not null })
            {
                // The median of the data in the period, as the generator computed it.
                var baseline = new BaselineInput(Month(from), Month(to), null);
                await act.AsAsync(ana, m.UpdatedAt, s => s.GetRequiredService<MeasuresWork>().SetBaselineAsync(id, measureId, baseline, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>Demo measures with <paramref name="months"/> months of data up to last month; also used by the scale seed.</summary>
    internal static IEnumerable<(Measure Measure, List<MeasurePoint> Points, List<ImprovementCycle> Cycles)> DemoMeasures(
        Guid partnershipId, Guid owner, Guid recorder, Guid frontline, DateTimeOffset now, int months, int seed = 0)
    {
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var first = thisMonth.AddMonths(-months);
        // Deterministic wobble, so the demo looks the same every time it is seeded.
        double Wobble(int i, int salt) => Math.Sin((i + 1) * (salt + 1.7) + seed) * 0.5 + Math.Cos((i + 3) * 0.9 * (salt + 1) + seed) * 0.5;
        var baselineEnd = first.AddMonths(Math.Min(11, months / 2 - 1));
        var cycleStart = baselineEnd.AddMonths(2);

        var screening = new Measure
        {
            PartnershipId = partnershipId,
            Name = "Positive depression screens with a follow-up plan",
            WhyItMatters = "A screening only helps if a positive result leads somewhere. This shows whether people who screen positive at Eastside get a plan the same month.",
            Type = MeasureType.Process,
            Kind = MeasureKind.Proportion,
            Unit = "%",
            Numerator = "Positive screens with a documented follow-up plan",
            Denominator = "Positive PHQ-2/PHQ-9 screens at Eastside",
            DataSource = "Eastside primary care record, monthly report",
            OwnerUserId = frontline,
            BetterDirection = BetterDirection.Up,
            Target = 80,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-months),
            UpdatedAt = now.AddDays(-3),
        };
        var screeningPoints = Enumerable.Range(0, months).Select(i =>
        {
            var period = first.AddMonths(i);
            var denominator = 60 + (int)(12 * Wobble(i, 1));
            var rate = period <= cycleStart ? 0.5 + 0.06 * Wobble(i, 2) : Math.Min(0.86, 0.62 + 0.012 * (period.Year * 12 + period.Month - cycleStart.Year * 12 - cycleStart.Month) + 0.04 * Wobble(i, 3));
            var numerator = (int)Math.Round(denominator * rate);
            return new MeasurePoint
            {
                PartnershipId = partnershipId,
                MeasureId = screening.Id,
                Period = period,
                Numerator = numerator,
                Denominator = denominator,
                Value = Math.Round(100.0 * numerator / denominator, 4),
                RecordedByUserId = recorder,
                RecordedAt = now.AddMonths(i - months + 1),
            };
        }).ToList();
        var baselineValues = screeningPoints.Where(p => p.Period <= baselineEnd).Select(p => p.Value).ToList();
        screening.BaselineFrom = first;
        screening.BaselineTo = baselineEnd;
        screening.BaselineValue = baselineValues.Count > 0 ? Math.Round(RunChartRules.Median(baselineValues), 4) : null;
        var handoff = new ImprovementCycle
        {
            PartnershipId = partnershipId,
            MeasureId = screening.Id,
            // Eastside's own change, before the partnership: the Riverbend consultant only starts at the launch, so nothing here is credited to them.
            Title = "Follow-up plan prompt in Eastside's screening template",
            Plan = "For four weeks Eastside's nurses see a prompt to record a follow-up plan (referral, callback or watchful waiting) whenever a PHQ-2 screen is positive.",
            Prediction = "At least two in three positive screens will leave with a follow-up plan the same day.",
            Do = "Ran as planned in both clinics; the prompt was missing on the tablets for two days.",
            Study = "Follow-up plans rose from about half to 64% in the first month, slightly under the prediction.",
            Act = CycleAct.Adopt,
            NextStep = "Keep the prompt; once the Riverbend consultant is on site after the launch, test a same-day warm handoff for positive screens.",
            StartedOn = cycleStart,
            EndedOn = cycleStart.AddDays(27),
            CreatedByUserId = owner,
            CreatedAt = now.AddMonths(-months / 2),
            UpdatedAt = now.AddMonths(-months / 2 + 1),
        };
        yield return (screening, screeningPoints, [handoff]);

        var wait = new Measure
        {
            PartnershipId = partnershipId,
            Name = "Days from referral to first visit",
            WhyItMatters = "Waiting loses people. The median wait from a referral to the first visit with the other partner.",
            Type = MeasureType.Process,
            Kind = MeasureKind.Value,
            Unit = "days",
            DataSource = "Shared referral log",
            OwnerUserId = owner,
            BetterDirection = BetterDirection.Down,
            Target = 7,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-months),
            UpdatedAt = now.AddDays(-10),
        };
        var waitPoints = Enumerable.Range(0, months).Select(i => new MeasurePoint
        {
            PartnershipId = partnershipId,
            MeasureId = wait.Id,
            Period = first.AddMonths(i),
            Value = Math.Round(Math.Max(4, 21 - (i * 0.35) + (2.5 * Wobble(i, 4))), 1),
            RecordedByUserId = recorder,
            RecordedAt = now.AddMonths(i - months + 1),
        }).ToList();
        var waitBaseline = waitPoints.Where(p => p.Period <= baselineEnd).Select(p => p.Value).ToList();
        wait.BaselineFrom = first;
        wait.BaselineTo = baselineEnd;
        wait.BaselineValue = waitBaseline.Count > 0 ? Math.Round(RunChartRules.Median(waitBaseline), 4) : null;
        yield return (wait, waitPoints, []);

        var duplicate = new Measure
        {
            PartnershipId = partnershipId,
            Name = "People assessed twice for the same need",
            WhyItMatters = "When both partners repeat the same intake, people wait and staff time is lost.",
            Type = MeasureType.Balancing,
            Kind = MeasureKind.Proportion,
            Unit = "%",
            Numerator = "Referred people given the same assessment again",
            Denominator = "People referred between the partners",
            DataSource = "Referral log and intake records",
            OwnerUserId = recorder,
            BetterDirection = BetterDirection.Down,
            Target = 10,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-4),
            UpdatedAt = now.AddMonths(-4),
        };
        var duplicatePoints = Enumerable.Range(0, Math.Min(4, months)).Select(i =>
        {
            var denominator = 30 + (int)(6 * Wobble(i, 5));
            var numerator = (int)Math.Round(denominator * (0.3 + 0.05 * Wobble(i, 6)));
            return new MeasurePoint
            {
                PartnershipId = partnershipId,
                MeasureId = duplicate.Id,
                Period = thisMonth.AddMonths(i - Math.Min(4, months) - 1),
                Numerator = numerator,
                Denominator = denominator,
                Value = Math.Round(100.0 * numerator / denominator, 4),
                RecordedByUserId = recorder,
                RecordedAt = now.AddMonths(i - 4),
            };
        }).ToList();
        yield return (duplicate, duplicatePoints, []);
    }
}
