using Joinery.Core.Common;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Close;

/// <summary>The Close gate: a transition plan for every service, and every agreement ended.</summary>
public sealed class CloseProgress(CloseWork close) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken) =>
        new((await close.GateAsync(partnership.Id, cancellationToken)).Select((c, i) => new GateCriterion(Phase.Close, 10 * (i + 1), "/close", c)).ToList(), []);
}

/// <summary>
/// Close: services whose people have no transition plan yet, and transitions past their due date;
/// a closing partnership must not leave anyone it serves without care.
/// </summary>
public sealed class CloseSignals(CloseWork closeWork) : IHealthContribution
{
    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (partnership.Phase != Phase.Close || await closeWork.GetAsync(partnership.Id, cancellationToken) is not { } close)
        {
            return signals;
        }
        var link = partnership.Path + "/close";
        var unplanned = close.Transitions.Where(t => t.Progress == TransitionProgress.NotPlanned).ToList();
        if (unplanned.Count > 0)
        {
            signals.Add(new("close-service-without-plan", Severity.Critical, 4,
                $"The partnership is closing and {Counting.Of(unplanned.Count, "service")} {Counting.Verb(unplanned.Count, "has", "have")} no transition plan: the people they serve do not yet know who continues their care.",
                unplanned.Select(t => new Evidence("service", t.ServiceId, t.Service)).ToList(), link));
        }
        var overdue = close.Transitions.Where(t => t.Overdue).ToList();
        if (overdue.Count > 0)
        {
            signals.Add(new("close-transition-overdue", Severity.Warning, 4,
                $"{Counting.Of(overdue.Count, "service transition")} {Counting.Verb(overdue.Count, "is", "are")} past their due date and not carried out.",
                overdue.Select(t => new Evidence("service", t.ServiceId, $"{t.Service} (due {ShownDates.Of(t.DueOn)})")).ToList(), link));
        }
        return signals;
    }
}
