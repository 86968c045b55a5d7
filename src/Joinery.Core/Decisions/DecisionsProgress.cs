using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Decisions;

/// <summary>Step 4: in progress once decisions or contributions are recorded; done when a decision is agreed by all and every partner contributes.</summary>
public sealed class DecisionsProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var statuses = await db.Set<Decision>().AsNoTracking().Where(d => d.PartnershipId == partnership.Id).Select(d => d.Status).ToListAsync(cancellationToken);
        var contributors = await db.Set<Contribution>().AsNoTracking().Where(c => c.PartnershipId == partnership.Id).Select(c => c.OrganizationId).Distinct().CountAsync(cancellationToken);
        if (statuses.Count == 0 && contributors == 0)
        {
            return new RoadmapPart([], []);
        }
        var agreed = statuses.Count(s => s == DecisionStatus.Agreed);
        var waiting = statuses.Count(s => s is DecisionStatus.Open or DecisionStatus.Proposed);
        var partners = partnership.Partners.Count;
        return new RoadmapPart([], [new StepPart(4, agreed > 0 && contributors == partners ? StepStatus.Done : StepStatus.InProgress,
            $"{Counting.Of(agreed, "decision")} agreed, {waiting} open; {contributors} of {partners} partners record contributions.")]);
    }
}

/// <summary>Decisions waiting too long for sign-off, or signed by one partner only.</summary>
public sealed class DecisionsSignals(JoineryDb db) : IHealthContribution
{
    public static readonly Threshold SignOffDays = new("SignOffDays", "Days a decision may wait for sign-off", 30, 1, 365);

    public IReadOnlyList<Threshold> Thresholds => [SignOffDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.PartnershipId == partnership.Id)
            .Select(d => new { d.Id, d.Title, d.Status, d.Version, d.UpdatedAt }).ToListAsync(cancellationToken);
        var signOffs = await db.Set<DecisionSignOff>().AsNoTracking().Where(s => s.PartnershipId == partnership.Id && s.VoidedAt == null)
            .Select(s => new { s.DecisionId, s.Version, s.OrganizationId }).ToListAsync(cancellationToken);
        var days = thresholds[SignOffDays];
        var waiting = decisions.Where(d => d.Status == DecisionStatus.Proposed && (db.Now - d.UpdatedAt).TotalDays > days).ToList();
        if (waiting.Count > 0)
        {
            signals.Add(new("decisions-waiting", Severity.Info, 4,
                $"{Counting.Of(waiting.Count, "proposed decision")} {Counting.Verb(waiting.Count, "has", "have")} waited more than {HealthText.Days(days)} for sign-off.",
                waiting.Select(d => new Evidence("decision", d.Id, d.Title)).ToList(), partnership.Path + "/decisions"));
        }
        var oneSided = decisions.Where(d => d.Status != DecisionStatus.Rejected)
            .Where(d => signOffs.Where(s => s.DecisionId == d.Id && s.Version == d.Version).Select(s => s.OrganizationId).Distinct().Count() is var n
                && n > 0 && n < partnership.Partners.Count)
            .ToList();
        if (oneSided.Count > 0)
        {
            signals.Add(new("decision-one-sided", Severity.Warning, 4,
                $"{Counting.Of(oneSided.Count, "decision")} {Counting.Verb(oneSided.Count, "is", "are")} signed by only one partner: a decision that affects both needs both.",
                oneSided.Select(d => new Evidence("decision", d.Id, d.Title)).ToList(), partnership.Path + "/decisions"));
        }
        return signals;
    }
}
