using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>
/// The Plan gate's "expectations agreed": every partner submitted its list, and at least one
/// expectation is agreed, each with a measure. Step 5 is done once, in addition, each agreed
/// expectation has a re-evaluation date. The Pilot gate asks for a complete pilot review.
/// </summary>
public sealed class ExpectationsProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Review = "pilot-review", ReviewText = "Pilot review recorded";
        var pilotReviewed = new GateCriterion(Phase.Pilot, 10, "/expectations", (await db.LoadExpectationsAsync(partnership.Id, cancellationToken))?.ReviewViews().Any(r => r.Complete) == true
            ? new Criterion(Review, ReviewText, CriterionStatus.Met, "A pilot review re-evaluated every agreed expectation.")
            : Criterion.NotStarted(Review, ReviewText));
        var (agreed, step) = await AgreedAsync(partnership, cancellationToken);
        return new RoadmapPart([new GateCriterion(Phase.Plan, 30, "/expectations", agreed), pilotReviewed], step is null ? [] : [step]);
    }

    private async Task<(Criterion, StepPart?)> AgreedAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Code = "expectations-agreed";
        const string Text = "Expectations agreed";
        var submitted = await db.Set<ExpectationSubmission>().AsNoTracking().Where(s => s.PartnershipId == partnership.Id).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        var items = await db.Set<ExpectationItem>().AsNoTracking().CountAsync(i => i.PartnershipId == partnership.Id, cancellationToken);
        if (items == 0 && submitted.Count == 0)
        {
            return (Criterion.NotStarted(Code, Text, "No partner has written its expectations yet."), null);
        }
        var waiting = partnership.Partners.Where(p => !submitted.Contains(p.Id)).Select(p => p.Name).ToList();
        if (waiting.Count > 0)
        {
            var evidence = $"Waiting for the list of {string.Join(", ", waiting)}; lists stay hidden until every partner has submitted.";
            return (new Criterion(Code, Text, CriterionStatus.NotMet, evidence), new StepPart(5, StepStatus.InProgress, evidence));
        }
        var agreed = await db.Set<AgreedExpectation>().AsNoTracking().Where(a => a.PartnershipId == partnership.Id)
            .Select(a => new { a.MeasureId, a.ReevaluateOn }).ToListAsync(cancellationToken);
        var withMeasure = agreed.Count(a => a.MeasureId is not null);
        var met = agreed.Count > 0 && withMeasure == agreed.Count;
        var summary = agreed.Count == 0
            ? "Every partner submitted its list; no expectation agreed yet."
            : $"{Counting.Of(agreed.Count, "expectation")} agreed, {withMeasure} linked to a measure.";
        return (new Criterion(Code, Text, met ? CriterionStatus.Met : CriterionStatus.NotMet, summary),
            new StepPart(5, met && agreed.All(a => a.ReevaluateOn is not null) ? StepStatus.Done : StepStatus.InProgress,
                met && agreed.Any(a => a.ReevaluateOn is null) ? summary + " Set a re-evaluation date for each." : summary));
    }
}

/// <summary>Step 5's warning signs: lists still waiting, conflicts without agreement, agreed expectations without measure or re-evaluation.</summary>
public sealed class ExpectationsSignals(CheckExpectationsHealth expectations) : IHealthContribution
{
    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (partnership.Closing || await expectations.RunAsync(partnership.Id, cancellationToken) is not { } facts)
        {
            return signals;
        }
        var link = partnership.Path + "/expectations";
        if (!facts.Revealed && facts.PartnersNotSubmitted.Count > 0 && facts.PartnersNotSubmitted.Count < partnership.Partners.Count)
        {
            signals.Add(new("expectations-waiting", Severity.Info, 5,
                $"Waiting for {string.Join(" and ", facts.PartnersNotSubmitted)} to submit their expected results; the lists stay hidden until then.", [], link));
        }
        if (facts.ConflictsWithoutAgreement.Count > 0)
        {
            signals.Add(new("expectations-conflict-open", Severity.Warning, 5,
                $"{Counting.Of(facts.ConflictsWithoutAgreement.Count, "conflicting pair")} of expectations {Counting.Verb(facts.ConflictsWithoutAgreement.Count, "has", "have")} no agreement yet. Different expected results, left unspoken, are a common reason partnerships fail.",
                facts.ConflictsWithoutAgreement.Select(x => new Evidence("expectation-pair", x.PairId, $"{x.FirstLabel} and {x.SecondLabel}")).ToList(), link));
        }
        if (facts.UnpairedItems.Count > 0)
        {
            signals.Add(new("expectations-unmatched", Severity.Warning, 5,
                $"{Counting.Of(facts.UnpairedItems.Count, "expected result")} {Counting.Verb(facts.UnpairedItems.Count, "is", "are")} matched with nothing from the other partner and not agreed.",
                facts.UnpairedItems.Select(x => new Evidence("expectation-item", x.ItemId, $"{x.Label} ({x.OrganizationName})")).ToList(), link));
        }
        if (facts.WithoutMeasure.Count > 0)
        {
            signals.Add(new("expectations-without-measure", Severity.Warning, 5,
                $"{Counting.Of(facts.WithoutMeasure.Count, "agreed expectation")} {Counting.Verb(facts.WithoutMeasure.Count, "has", "have")} no measure: nobody will be able to tell whether they were met.",
                facts.WithoutMeasure.Select(x => new Evidence("agreed-expectation", x.Id, x.Statement)).ToList(), link));
        }
        if (facts.WithoutReevaluationDate.Count > 0)
        {
            signals.Add(new("expectations-without-reevaluation", Severity.Info, 5,
                $"{Counting.Of(facts.WithoutReevaluationDate.Count, "agreed expectation")} {Counting.Verb(facts.WithoutReevaluationDate.Count, "has", "have")} no date to look at them again.",
                facts.WithoutReevaluationDate.Select(x => new Evidence("agreed-expectation", x.Id, x.Statement)).ToList(), link));
        }
        if (facts.ReevaluationOverdue.Count > 0)
        {
            signals.Add(new("expectations-reevaluation-overdue", Severity.Warning, 5,
                $"{Counting.Of(facts.ReevaluationOverdue.Count, "agreed expectation")} {Counting.Verb(facts.ReevaluationOverdue.Count, "is", "are")} past their re-evaluation date.",
                facts.ReevaluationOverdue.Select(x => new Evidence("agreed-expectation", x.Id, $"{x.Statement} (due {ShownDates.Of(x.ReevaluateOn)})")).ToList(), link));
        }
        return signals;
    }
}
