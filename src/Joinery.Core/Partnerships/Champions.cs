using Joinery.Core.Common;
using Joinery.Core.Health;

namespace Joinery.Core.Partnerships;

/// <summary>
/// The Plan gate's "champions named in each partner"; step 1 shows the champions until a mission is
/// drafted; step 7 (empowerment) needs a frontline champion in every partner.
/// </summary>
public sealed class ChampionsProgress : IRoadmapContribution
{
    public Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var champions = partnership.Members.Where(m => m.IsChampion).ToList();
        var withoutChampion = partnership.Partners.Where(p => champions.All(c => c.OrganizationId != p.Id)).Select(p => p.Name).ToList();
        var named = new Criterion("champions-named", "Champions named in each partner",
            withoutChampion.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            withoutChampion.Count == 0
                ? $"{Counting.Of(champions.Count, "champion")} across {partnership.Partners.Count} partners."
                : $"No champion yet in {string.Join(", ", withoutChampion)}.");
        if (champions.Count == 0)
        {
            // Empowerment is not under way without champions, whatever else is recorded.
            return Task.FromResult(new RoadmapPart([new GateCriterion(Phase.Plan, 20, "/members", named)], [new StepPart(7, StepStatus.NotStarted, "")]));
        }
        var withoutFrontline = partnership.Partners.Where(p => !champions.Any(c => c.OrganizationId == p.Id && c.Level == MemberLevel.Frontline))
            .Select(p => p.Name).ToList();
        return Task.FromResult(new RoadmapPart([new GateCriterion(Phase.Plan, 20, "/members", named)],
        [
            new StepPart(1, StepStatus.InProgress, named.Evidence, Fallback: true),
            new StepPart(7, withoutFrontline.Count == 0 ? StepStatus.Done : StepStatus.InProgress,
                withoutFrontline.Count == 0 ? "Every partner has a frontline champion." : $"No frontline champion yet in {string.Join(", ", withoutFrontline)}."),
        ]));
    }
}

/// <summary>A partner without a champion, or without one on the frontline.</summary>
public sealed class ChampionsSignals : IHealthContribution
{
    public Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken) =>
        Task.FromResult(Signals(partnership));

    private static IEnumerable<HealthSignal> Signals(PartnershipFacts partnership)
    {
        var none = partnership.Partners.Where(p => !partnership.Members.Any(m => m.IsChampion && m.OrganizationId == p.Id)).ToList();
        if (none.Count > 0)
        {
            yield return new("no-champion", Severity.Warning, 1,
                $"{string.Join(" and ", none.Select(p => p.Name))} {(none.Count == 1 ? "has" : "have")} no champion for the partnership.",
                none.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), partnership.Path + "/members");
        }
        var noFrontline = partnership.Partners.Where(p => none.All(n => n.Id != p.Id) && !partnership.Members.Any(m => m.IsChampion && m.OrganizationId == p.Id && m.Level == MemberLevel.Frontline)).ToList();
        if (noFrontline.Count > 0)
        {
            yield return new("no-frontline-champion", Severity.Info, 7,
                $"No frontline champion in {string.Join(" and ", noFrontline.Select(p => p.Name))}: problems seen on the floor may surface late.",
                noFrontline.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), partnership.Path + "/members");
        }
    }
}
