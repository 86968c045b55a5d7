using Joinery.Core.Common;
using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Launch;

/// <summary>The Prepare gate's "readiness checklist complete" and "go / no-go signed by an executive of each partner".</summary>
public sealed class LaunchProgress(LaunchWork launch) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var (checklist, go) = await GateAsync(partnership.Id, cancellationToken);
        return RoadmapPart.Of(new GateCriterion(Phase.Prepare, 10, "/launch", checklist), new GateCriterion(Phase.Prepare, 30, "/launch", go));
    }

    private async Task<(Criterion Checklist, Criterion Go)> GateAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        const string ChecklistCode = "readiness-checklist", ChecklistText = "Readiness checklist complete";
        const string GoCode = "go-no-go", GoText = "Go / no-go signed by an executive of each partner";
        var view = await launch.LoadAsync(partnershipId, cancellationToken);
        if (view is null)
        {
            return (new(ChecklistCode, ChecklistText, CriterionStatus.NotStarted, "Nothing recorded yet."), new(GoCode, GoText, CriterionStatus.NotStarted, "Nothing recorded yet."));
        }
        Criterion checklist;
        if (view.Checklist.Count == 0 && view.Training.Count == 0 && view.ReferralSources.Count == 0)
        {
            checklist = new(ChecklistCode, ChecklistText, CriterionStatus.NotStarted, "No checklist yet.");
        }
        else
        {
            var missing = new List<string>();
            var open = view.Checklist.Count(i => i.DoneOn is null);
            if (view.Checklist.Count == 0) { missing.Add("no checklist items"); } else if (open > 0) { missing.Add($"{open} of {Counting.Of(view.Checklist.Count, "item")} not done"); }
            var untrained = view.Training.Count(t => t.CompletedOn is null);
            if (view.Training.Count == 0) { missing.Add("no training roster"); } else if (untrained > 0) { missing.Add($"{Counting.Of(untrained, "course")} not completed"); }
            var untold = view.ReferralSources.Count(s => s.ToldOn is null);
            if (view.ReferralSources.Count == 0) { missing.Add("no referral sources"); } else if (untold > 0) { missing.Add($"{Counting.Of(untold, "referral source")} not told"); }
            checklist = missing.Count == 0
                ? new(ChecklistCode, ChecklistText, CriterionStatus.Met,
                    $"All {Counting.Of(view.Checklist.Count, "item")} done, {Counting.Of(view.Training.Count, "course")} completed, {Counting.Of(view.ReferralSources.Count, "referral source")} told.")
                : new(ChecklistCode, ChecklistText, CriterionStatus.NotMet, LaunchWork.Sentence(string.Join("; ", missing)) + ".");
        }
        Criterion go;
        if (view.Decisions.All(d => d.Go is null))
        {
            go = new(GoCode, GoText, CriterionStatus.NotStarted, "No executive has decided yet.");
        }
        else if (view.Decision == LaunchDecision.Go)
        {
            go = new(GoCode, GoText, CriterionStatus.Met, $"Go from {string.Join(" and ", view.Decisions.Select(d => d.Organization))}.");
        }
        else
        {
            var parts = view.Decisions.Select(d => d.Go switch
            {
                null => $"waiting for {d.Organization}",
                false => $"no-go from {d.Organization}",
                true when d.BeforeChange => $"{d.Organization}'s go was given before the checklist changed",
                _ => $"go from {d.Organization}",
            });
            go = new(GoCode, GoText, CriterionStatus.NotMet, LaunchWork.Sentence(string.Join("; ", parts)) + ".");
        }
        return (checklist, go);
    }

}

/// <summary>
/// Prepare and Pilot: close to the start date (within <see cref="WarningDays"/>, or after it),
/// training not completed, referral sources not told, agreements unsigned; and the pilot period
/// over without a complete pilot review. Start-up warnings stop once the partnership operates
/// (and none fire while it closes). Measures without a baseline are the Measures feature's
/// signal ("measure-no-baseline", which names them), not repeated here.
/// </summary>
public sealed class LaunchSignals(LaunchWork launch, ShowAgreementsRegister agreements) : IHealthContribution
{
    public static readonly Threshold WarningDays = new("LaunchWarningDays", "Days before the start date when training, announcements and baselines should be done", 30, 1, 180);

    public IReadOnlyList<Threshold> Thresholds => [WarningDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (partnership.Phase == Phase.Close || await launch.GetAsync(partnership.Id, cancellationToken) is not { StartDate: { } start } view)
        {
            return signals;
        }
        var link = partnership.Path + "/launch";
        var daysLeft = start.DayNumber - partnership.Today.DayNumber;
        var when = daysLeft > 0 ? $"The start date is in {HealthText.Days(daysLeft)}" : daysLeft == 0 ? "The start date is today" : "Services have started";
        if (partnership.StartingUp && daysLeft <= thresholds[WarningDays] && view.Pilot is not { Ended: true })
        {
            var untrained = view.Training.Where(t => t.CompletedOn is null).ToList();
            if (untrained.Count > 0)
            {
                signals.Add(new("launch-training-incomplete", daysLeft <= 0 ? Severity.Critical : Severity.Warning, 3,
                    $"{when} and {Counting.Of(untrained.Count, "training course")} {Counting.Verb(untrained.Count, "is", "are")} not completed.",
                    untrained.Select(t => new Evidence("training", t.Id, t.Course)).ToList(), link + "#training-heading"));
            }
            var untold = view.ReferralSources.Where(s => s.ToldOn is null).ToList();
            if (untold.Count > 0)
            {
                signals.Add(new("launch-sources-not-told", Severity.Warning, 3,
                    $"{when} and {Counting.Of(untold.Count, "referral source")} {Counting.Verb(untold.Count, "has", "have")} not been told that the service starts.",
                    untold.Select(s => new Evidence("referral-source", s.Id, s.Name)).ToList(), link + "#sources-heading"));
            }
            var unsigned = (await agreements.RunAsync(partnership.Id, cancellationToken))!.Required.Where(r => !r.InForce).ToList();
            if (unsigned.Count > 0)
            {
                signals.Add(new("launch-agreements-unsigned", daysLeft <= 0 ? Severity.Critical : Severity.Warning, 4,
                    $"{when} and {Counting.Of(unsigned.Count, "required agreement")} {Counting.Verb(unsigned.Count, "is", "are")} not signed or in force: services should not start on handshakes.",
                    unsigned.Select(r => new Evidence("agreement", r.AgreementId, $"{r.Type.Label()} ({(r.Missing ? "missing" : r.Status!.Value.LowerWords())})")).ToList(),
                    partnership.Path + "/agreements"));
            }
        }
        if (view.Pilot is { Ended: true, ReviewComplete: false } pilot)
        {
            signals.Add(new("pilot-review-overdue", Severity.Warning, 5,
                $"The pilot ended on {ShownDates.Of(pilot.To)} and its review is not complete: the partners have not yet re-evaluated what they expected.",
                pilot.ReviewId is { } r ? [new Evidence("pilot-review", r, $"Pilot review due {ShownDates.Of(pilot.ReviewDue)}")] : [],
                pilot.ReviewId is { } id ? partnership.Path + "/expectations/pilot-reviews/" + id : partnership.Path + "/expectations#pilot-heading"));
        }
        return signals;
    }
}
