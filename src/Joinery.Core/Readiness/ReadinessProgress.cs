using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Readiness;

/// <summary>The Explore gate's readiness criterion: met when every partner has answered the latest round of the check.</summary>
public sealed class ReadinessProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken) =>
        RoadmapPart.Of(new GateCriterion(Phase.Explore, 10, "/readiness", await CriterionAsync(partnership, cancellationToken)));

    private async Task<Criterion> CriterionAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Code = "readiness-completed";
        const string Text = "Both partners completed the readiness and alignment check";
        var round = await db.Set<ReadinessRound>().AsNoTracking().Where(r => r.PartnershipId == partnership.Id)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return Criterion.NotStarted(Code, Text, "Nobody has answered the check yet.");
        }
        var answered = await db.Set<ReadinessResponse>().AsNoTracking().Where(r => r.RoundId == round.Id)
            .Select(r => r.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var waiting = partnership.Partners.Where(p => !answered.Contains(p.Id)).Select(p => p.Name).ToList();
        return waiting.Count == 0
            ? new Criterion(Code, Text, CriterionStatus.Met, $"Round {round.Number} completed by every partner.")
            : new Criterion(Code, Text, CriterionStatus.NotMet, $"Round {round.Number}: waiting for {string.Join(", ", waiting)}.");
    }
}
