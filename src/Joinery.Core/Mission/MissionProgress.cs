using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Mission;

/// <summary>
/// The Plan gate's "mission endorsed by an executive of each partner" and step 1: endorsed by every
/// partner, then read by most members.
/// </summary>
public sealed class MissionProgress(JoineryDb db) : IRoadmapContribution
{
    /// <summary>Step 1 is done once most members have read the published mission (frameworks.md §10.2, S1: 60%).</summary>
    public const double AcknowledgedShare = 0.6;

    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        const string Code = "mission-endorsed";
        const string Text = "Partnership mission endorsed by an executive of each partner";
        var current = await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == partnership.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return RoadmapPart.Of(new GateCriterion(Phase.Plan, 10, "/mission", Criterion.NotStarted(Code, Text, "No draft yet.")));
        }
        var endorsedBy = await db.Set<MissionEndorsement>().AsNoTracking().Where(e => e.VersionId == current.Id && e.VoidedAt == null)
            .Select(e => e.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var missing = partnership.Partners.Where(p => !endorsedBy.Contains(p.Id)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            var evidence = $"Version {current.Number} is waiting for an endorsement from {string.Join(", ", missing)}.";
            return new RoadmapPart([new GateCriterion(Phase.Plan, 10, "/mission", new Criterion(Code, Text, CriterionStatus.NotMet, evidence))],
                [new StepPart(1, StepStatus.InProgress, evidence)]);
        }
        var members = partnership.Members.Count;
        var read = await db.Set<MissionAcknowledgement>().CountAsync(a => a.VersionId == current.Id, cancellationToken);
        var share = members == 0 ? 0 : (double)read / members;
        return new RoadmapPart([new GateCriterion(Phase.Plan, 10, "/mission", new Criterion(Code, Text, CriterionStatus.Met, $"Version {current.Number} endorsed by every partner."))],
            [new StepPart(1, share >= AcknowledgedShare ? StepStatus.Done : StepStatus.InProgress, $"Published; {read} of {members} members have read it.")]);
    }
}

/// <summary>No shared mission, a mission not endorsed by every partner, or one that members have not read.</summary>
public sealed class MissionSignals(JoineryDb db) : IHealthContribution
{
    public static readonly Threshold AcknowledgedPercent = new("MissionAcknowledgedPercent", "Share of members who should have read the published mission (%)", 60, 1, 100);
    public static readonly Threshold AcknowledgeDays = new("MissionAcknowledgeDays", "Days members have to read a published mission", 60, 1, 365);

    public IReadOnlyList<Threshold> Thresholds => [AcknowledgedPercent, AcknowledgeDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (partnership.Closing)
        {
            return signals;
        }
        var latest = await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == partnership.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            signals.Add(new("mission-missing", Severity.Warning, 1,
                "There is no shared vision and mission yet. Partners who rely on their two separate missions tend to drift apart.", [], partnership.Path + "/mission"));
            return signals;
        }
        var endorsed = await db.Set<MissionEndorsement>().AsNoTracking()
            .Where(e => e.PartnershipId == partnership.Id && e.VersionId == latest.Id && e.VoidedAt == null)
            .Select(e => e.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var missing = partnership.Partners.Where(p => !endorsed.Contains(p.Id)).ToList();
        if (missing.Count > 0)
        {
            signals.Add(new("mission-not-endorsed", Severity.Warning, 1,
                $"The mission (version {latest.Number}) is not endorsed by an executive of {string.Join(" and ", missing.Select(p => p.Name))}.",
                missing.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), partnership.Path + "/mission"));
        }
        if (latest.PublishedAt is { } published && (db.Now - published).TotalDays > thresholds[AcknowledgeDays] && partnership.Members.Count > 0)
        {
            var read = await db.Set<MissionAcknowledgement>().AsNoTracking()
                .Where(a => a.PartnershipId == partnership.Id && a.VersionId == latest.Id).Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
            var percent = 100 * read / partnership.Members.Count;
            if (percent < thresholds[AcknowledgedPercent])
            {
                signals.Add(new("mission-not-acknowledged", Severity.Warning, 1,
                    $"Only {percent}% of members have read the mission published {HealthText.Days((int)(db.Now - published).TotalDays)} ago (aim: {thresholds[AcknowledgedPercent]}%).",
                    [new Evidence("mission-version", latest.Id, $"Version {latest.Number}")], partnership.Path + "/mission"));
            }
        }
        return signals;
    }
}
