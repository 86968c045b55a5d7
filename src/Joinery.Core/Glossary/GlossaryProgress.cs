using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Glossary;

/// <summary>Step 2: in progress once terms are recorded; done when enough are agreed and none is disputed.</summary>
public sealed class GlossaryProgress(JoineryDb db) : IRoadmapContribution
{
    /// <summary>A common language needs a working vocabulary: this many agreed terms (and nothing disputed).</summary>
    public const int AgreedTermsForCommonLanguage = 10;

    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var statuses = await db.Set<GlossaryTerm>().AsNoTracking().Where(t => t.PartnershipId == partnership.Id).Select(t => t.Status).ToListAsync(cancellationToken);
        if (statuses.Count == 0)
        {
            return new RoadmapPart([], []);
        }
        var agreed = statuses.Count(s => s == TermStatus.Agreed);
        var disputed = statuses.Count(s => s == TermStatus.Disputed);
        return new RoadmapPart([], [new StepPart(2, agreed >= AgreedTermsForCommonLanguage && disputed == 0 ? StepStatus.Done : StepStatus.InProgress,
            $"{statuses.Count} terms: {agreed} agreed, {disputed} disputed.")]);
    }
}

/// <summary>Terms disputed for too long: the partners may mean different things by the same words.</summary>
public sealed class GlossarySignals(JoineryDb db) : IHealthContribution
{
    public static readonly Threshold DisputedTermDays = new("DisputedTermDays", "Days a term may stay disputed", 30, 1, 365);

    public IReadOnlyList<Threshold> Thresholds => [DisputedTermDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var days = thresholds[DisputedTermDays];
        var since = db.Now.AddDays(-days);
        var disputed = await db.Set<GlossaryTerm>().AsNoTracking()
            .Where(t => t.PartnershipId == partnership.Id && t.Status == TermStatus.Disputed)
            .Select(t => new { t.Id, t.Term, t.StatusChangedAt }).ToListAsync(cancellationToken);
        var old = disputed.Where(t => t.StatusChangedAt < since).OrderBy(t => t.StatusChangedAt).ToList();
        if (old.Count == 0)
        {
            return [];
        }
        return [new("terms-disputed", old.Count >= 3 ? Severity.Warning : Severity.Info, 2,
            $"{Counting.Of(old.Count, "term")} disputed for more than {HealthText.Days(days)}: the partners may mean different things by the same words.",
            old.Select(t => new Evidence("glossary-term", t.Id, t.Term)).ToList(), partnership.Path + "/glossary")];
    }
}
