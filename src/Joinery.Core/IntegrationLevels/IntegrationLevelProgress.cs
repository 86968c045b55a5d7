using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.IntegrationLevels;

/// <summary>The Explore gate's "target level of integration chosen": met once the partners agreed where they are and where they aim.</summary>
public sealed class IntegrationLevelProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Code = "target-level-chosen";
        const string Text = "Target level of integration chosen";
        var agreed = await db.Set<LevelDecision>().AsNoTracking().Where(d => d.PartnershipId == partnership.Id)
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        return RoadmapPart.Of(new GateCriterion(Phase.Explore, 20, "/integration-level", agreed is null
            ? Criterion.NotStarted(Code, Text)
            : new Criterion(Code, Text, CriterionStatus.Met, $"Agreed: now level {agreed.CurrentLevel}, aiming for level {agreed.TargetLevel}.")));
    }
}
