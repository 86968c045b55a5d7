using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Documents;
using Joinery.Core.Expectations;
using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Measures;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Reports;

/// <summary>
/// The partnership report for boards and funders: who the partners are, what they set out to do,
/// where they are in the lifecycle, what they expect and how the measures are moving, and the
/// warning signs. Built from what is recorded; anything not recorded yet says so rather than
/// being filled in.
/// </summary>
public sealed class PartnershipReport(JoineryDb db, ComputeRoadmap roadmap, PartnershipHealth health, MissionWork mission,
    IntegrationLevels.IntegrationLevels levels, ShowExpectations expectations, MeasuresWork measures, ShowAgreementsRegister agreements,
    Launch.MilestonesWork milestones, Close.CloseWork close)
{
    public async Task<PartnershipDocument?> BuildAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var partnership = await db.GetPartnershipAsync(partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var blocks = new List<Block>();
        blocks.AddRange(Partners(partnership));
        blocks.AddRange(Mission((await mission.GetAsync(partnershipId, cancellationToken: cancellationToken))!));
        blocks.AddRange(Level((await levels.GetAsync(partnershipId, cancellationToken))!));
        blocks.AddRange(Lifecycle((await roadmap.RunAsync(partnershipId, cancellationToken))!));
        blocks.AddRange(Expectations((await expectations.RunAsync(partnershipId, cancellationToken))!));
        blocks.AddRange(Measures(await measures.ChartsAsync(partnershipId, cancellationToken)));
        blocks.AddRange(Agreements((await agreements.RunAsync(partnershipId, cancellationToken))!));
        blocks.AddRange(Milestones((await milestones.GetAsync(partnershipId, cancellationToken))!));
        if (await close.GetAsync(partnershipId, cancellationToken) is { Closing: true } closing)
        {
            blocks.AddRange(Closing(closing));
        }
        blocks.AddRange(Health((await health.SignalsAsync(partnershipId, cancellationToken))!));
        db.Audit("report.generated", "partnership", partnershipId.ToString(), partnershipId);
        await db.SaveChangesAsync(cancellationToken);
        return new PartnershipDocument($"{partnership.Name}: partnership report",
            $"{string.Join(" and ", partnership.Partners.Select(p => p.Name))} · {db.Now:MMMM d, yyyy}", blocks);
    }

    private static IEnumerable<Block> Partners(PartnershipView partnership)
    {
        yield return new Heading("The partners");
        yield return new Table("Partners and champions", ["Partner", "Kind", "Members", "Champions"],
            partnership.Partners.Select(p => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(p.Name),
                Paragraph.Of(p.Kind.Words()),
                Paragraph.Of(partnership.Members.Count(m => m.OrganizationId == p.OrganizationId).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                partnership.Members.Where(m => m.OrganizationId == p.OrganizationId && m.IsChampion).ToList() is { Count: > 0 } champions
                    ? Paragraph.Of(string.Join("; ", champions.Select(c => $"{c.Name} ({c.Level.Words()})")))
                    : Paragraph.Gap("no champion named yet"),
            ]).ToList());
    }

    private static IEnumerable<Block> Mission(MissionView mission)
    {
        yield return new Heading("Shared mission and vision");
        if (mission.Current is not { } current)
        {
            yield return Paragraph.Gap("The partners have not drafted a shared mission yet.");
            yield break;
        }
        yield return Paragraph.Field("Vision", current.Vision, "no vision written");
        yield return Paragraph.Field("Mission", current.Mission, "no mission written");
        var endorsed = mission.Endorsements.Where(e => e.EndorsedAt is not null).ToList();
        yield return endorsed.Count == mission.Endorsements.Count && endorsed.Count > 0
            ? Paragraph.Of($"Version {current.Number}, endorsed by {string.Join(" and ", endorsed.Select(e => $"{e.OrganizationName} ({ShownDates.Of(e.EndorsedAt)})"))}.")
            : new Paragraph([new Span($"Version {current.Number}. "), new Span(
                $"Waiting for endorsement by {string.Join(" and ", mission.Endorsements.Where(e => e.EndorsedAt is null).Select(e => e.OrganizationName))}.", SpanKind.Gap)]);
    }

    private static IEnumerable<Block> Level(IntegrationLevelView level)
    {
        yield return new Heading("Level of integration");
        if (level.Agreed is not { } agreed)
        {
            yield return Paragraph.Gap("The partners have not agreed their current and target level yet.");
            yield break;
        }
        var now = IntegrationLevelCatalog.Level(agreed.CurrentLevel);
        var target = IntegrationLevelCatalog.Level(agreed.TargetLevel);
        yield return Paragraph.Of($"Now: level {now.Number}, {now.Name} ({now.Category.Words()}). Aiming for: level {target.Number}, {target.Name} ({target.Category.Words()}). " +
            $"Agreed {ShownDates.Of(agreed.DecidedAt)} on the SAMHSA-HRSA standard framework for levels of integrated healthcare.");
    }

    private static IEnumerable<Block> Lifecycle(RoadmapView roadmap)
    {
        yield return new Heading("Where the partnership is");
        yield return Paragraph.Of($"Current phase: {roadmap.Current.Words()}.");
        yield return new Table("Gates of the lifecycle", ["Phase", "What should be true to move on", "Status", "Evidence"],
            roadmap.Phases.Where(p => p.Criteria.Count > 0).SelectMany(p => p.Criteria.Select(c => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(p.Phase.Words() + (p.IsCurrent ? " (current)" : "")),
                Paragraph.Of(c.Text),
                new Paragraph([new Span(c.Status.Words(), c.Status == CriterionStatus.Met ? SpanKind.Plain : SpanKind.Strong)]),
                Paragraph.Of(c.Evidence),
            ])).ToList());
        yield return new Table("The eight steps", ["Step", "Status", "Evidence"],
            roadmap.Steps.Select(s => (IReadOnlyList<Paragraph>)
                [Paragraph.Of($"{s.Number}. {s.Title}"), Paragraph.Of(s.Status.Words()), Paragraph.Of(s.Evidence)]).ToList());
    }

    private static IEnumerable<Block> Expectations(ExpectationsView view)
    {
        yield return new Heading("What the partners expect");
        if (view.Agreed.Count == 0)
        {
            yield return Paragraph.Gap("No expectations agreed yet.");
            yield break;
        }
        var review = view.PilotReviews.Where(r => r.Complete).MaxBy(r => r.HeldOn);
        yield return new Table("Agreed expectations", ["Expectation", "Owner", "Measure", "Re-evaluate", "Pilot review"],
            view.Agreed.Select(a => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(a.Statement),
                Paragraph.Of(a.Owner),
                a.Measure is null ? Paragraph.Gap("no measure linked") : Paragraph.Of(a.Measure),
                Paragraph.Of(ShownDates.Of(a.ReevaluateOn, "not set")),
                review?.Evaluations.FirstOrDefault(e => e.AgreedExpectationId == a.Id) is { } e
                    ? Paragraph.Of($"{e.Result.Words()}: {e.Response}")
                    : Paragraph.Of("not reviewed yet"),
            ]).ToList());
    }

    private static IEnumerable<Block> Measures(List<(Measure Measure, MeasureChart Chart)> charts)
    {
        yield return new Heading("Outcome measures");
        if (charts.Count == 0)
        {
            yield return Paragraph.Gap("No outcome measures defined yet.");
            yield break;
        }
        yield return new Table("Measures, baselines and targets", ["Measure", "Type", "Better", "Baseline", "Target", "Latest"],
            charts.Select(c => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(c.Measure.Name),
                Paragraph.Of(c.Measure.Type.Words()),
                Paragraph.Of(c.Measure.BetterDirection == BetterDirection.Up ? "higher" : "lower"),
                c.Measure.BaselineValue is { } b ? Paragraph.Of(MeasuresWork.Format(b, c.Chart.Unit)) : Paragraph.Gap("no baseline"),
                c.Measure.Target is { } t ? Paragraph.Of(MeasuresWork.Format(t, c.Chart.Unit)) : Paragraph.Of("none set"),
                c.Chart.Points.Count > 0 ? Paragraph.Of($"{MeasuresWork.Format(c.Chart.Points[^1].Value, c.Chart.Unit)} ({ShownDates.Month(c.Chart.Points[^1].Period)})") : Paragraph.Of("no data yet"),
            ]).ToList());
        foreach (var (measure, chart) in charts.Where(c => c.Chart.Points.Count > 0))
        {
            yield return new Heading(measure.Name, 2);
            if (!string.IsNullOrWhiteSpace(measure.WhyItMatters))
            {
                yield return Paragraph.Of(measure.WhyItMatters);
            }
            yield return new ChartBlock($"Run chart: {measure.Name}", chart);
        }
    }

    private static IEnumerable<Block> Agreements(AgreementsRegister register)
    {
        yield return new Heading("Agreements");
        foreach (var missing in register.Required.Where(r => r.Missing))
        {
            yield return new Paragraph([new Span(missing.Type.Words() + ": ", SpanKind.Strong),
                new Span($"Required but not recorded yet. {missing.Reason}", SpanKind.Gap)]);
        }
        if (register.Agreements.Count == 0)
        {
            yield return Paragraph.Of("No agreements recorded yet.");
            yield break;
        }
        yield return new Table("Agreements and their status", ["Agreement", "Type", "Status", "Effective", "Expires", "Checklist"],
            register.Agreements.Select(a => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(a.Title),
                Paragraph.Of(a.Type.Words()),
                new Paragraph([new Span(a.Status.Words(), a.InForce ? SpanKind.Plain : SpanKind.Strong)]),
                Paragraph.Of(ShownDates.Of(a.EffectiveOn, "—")),
                Paragraph.Of(ShownDates.Of(a.ExpiresOn, "—")),
                Paragraph.Of(a.ChecklistTotal > 0 ? $"{a.ChecklistDone} of {a.ChecklistTotal}" : "—"),
            ]).ToList());
    }

    private static IEnumerable<Block> Milestones(Launch.MilestonesView view)
    {
        yield return new Heading("Milestones");
        if (view.Milestones.Count == 0)
        {
            yield return Paragraph.Of("No milestones recorded yet.");
            yield break;
        }
        static string Day(DateOnly? d) => ShownDates.Of(d, "—");
        yield return new Table("Milestones, planned and achieved", ["Milestone", "Planned", "Achieved", "Celebrated"],
            view.Milestones.Select(m => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(m.Title),
                Paragraph.Of(Day(m.PlannedOn)),
                new Paragraph([new Span(Day(m.AchievedOn), m.Late ? SpanKind.Strong : SpanKind.Plain)]),
                Paragraph.Of(m.Celebrations.Count == 0 ? "" : string.Join("; ", m.Celebrations.Select(c => $"{Day(c.CelebratedOn)}: {c.How}"))),
            ]).ToList());
    }

    /// <summary>A closing partnership: why, and how each service's people are carried over.</summary>
    private static IEnumerable<Block> Closing(Close.CloseView view)
    {
        yield return new Heading("Closing the partnership");
        var when = ShownDates.Of(view.ClosingSince, "—");
        yield return Paragraph.Of(view.Archived
            ? $"The partners decided to end the partnership on {when}; it was archived on {ShownDates.Of(view.ArchivedAt!.Value)}. {view.Reason}"
            : $"The partners decided to end the partnership on {when}. {view.Reason}");
        if (view.Transitions.Count == 0)
        {
            yield return Paragraph.Of("No services are in the catalog.");
            yield break;
        }
        static Paragraph Cell(string text) => text.Length == 0 ? new Paragraph([new Span("Not planned yet", SpanKind.Gap)]) : Paragraph.Of(text);
        yield return new Table("Transition plans by service", ["Service", "Care continues with", "How people are told", "Records kept by", "Progress"],
            view.Transitions.Select(t => (IReadOnlyList<Paragraph>)
            [
                Paragraph.Of(t.Service),
                Cell(t.ContinuedBy),
                Cell(t.HowTold),
                Cell(t.RecordsKeptBy.Length == 0 ? "" : $"{t.RecordsKeptBy}: {t.Records}"),
                new Paragraph([new Span(t.Progress.Words(), t.Progress == Close.TransitionProgress.Complete ? SpanKind.Plain : SpanKind.Strong)]),
            ]).ToList());
    }

    private static IEnumerable<Block> Health(IReadOnlyList<HealthSignal> signals)
    {
        yield return new Heading("Partnership health");
        if (signals.Count == 0)
        {
            yield return Paragraph.Of("No warning signs at the time of this report.");
            yield break;
        }
        yield return new Table("Warning signs", ["Severity", "Step", "What Joinery sees"],
            signals.Select(s => (IReadOnlyList<Paragraph>)
                [Paragraph.Of(s.Severity.Words()), Paragraph.Of(s.Step > 0 ? s.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—"), Paragraph.Of(s.Message)]).ToList());
    }
}
