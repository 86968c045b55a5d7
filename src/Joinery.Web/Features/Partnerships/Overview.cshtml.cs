using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

[InNavigation(NavGroup.Overview, 1, "Overview", "")]
public sealed class OverviewModel(JoineryDb db, ComputeRoadmap roadmap, PartnershipHealth health, MilestonesWork milestones, WaitingForYou inbox, WorkspaceNavigation navigation) : PartnershipPage(db)
{
    public RoadmapView Roadmap { get; private set; } = null!;
    public IReadOnlyList<HealthSignal> Signals { get; private set; } = [];

    /// <summary>What waits for the signed-in person in this partnership.</summary>
    public IReadOnlyList<InboxItem> Waiting { get; private set; } = [];

    /// <summary>The latest celebrations of milestones, a light touch on the overview.</summary>
    public IReadOnlyList<CelebrationView> Celebrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "overview", cancellationToken))
        {
            return NotFound();
        }
        Waiting = (await inbox.RunAsync(cancellationToken)).Where(i => i.PartnershipId == id).ToList();
        Signals = (await health.SignalsAsync(id, cancellationToken))!;
        Roadmap = (await roadmap.RunAsync(id, cancellationToken))!;
        Celebrations = (await milestones.GetAsync(id, cancellationToken))!.LatestCelebrations(3);
        return Page();
    }

    /// <summary>The phase after this one, or null in the last.</summary>
    public PhaseGate? NextPhase => Partnership.Phase < Phase.Close ? Roadmap.Phases.FirstOrDefault(x => x.Phase == Partnership.Phase + 1) : null;

    /// <summary>How far the current phase's gate is, in one sentence: what is left, and toward which phase.</summary>
    public string GateProgress
    {
        get
        {
            var gate = Roadmap.CurrentGate;
            var toward = NextPhase is { } next ? $"the {next.Phase.Words()} phase" : null;
            if (gate.IsMet)
            {
                return toward is null ? "Everything the gate asks is done." : $"Everything the gate asks is done: the partners can move to {toward}.";
            }
            var done = gate.Criteria.Count(c => c.Status == CriterionStatus.Met);
            return $"{Counting.Of(gate.Criteria.Count - done, "thing")} to do before {toward ?? "the phase is complete"}, {done} of {gate.Criteria.Count} done:";
        }
    }

    /// <summary>A criterion of a phase still ahead is upcoming, not failing (unless it is met already).</summary>
    public static bool IsUpcoming(PhaseGate phase, Criterion criterion) => !phase.IsCurrent && !phase.IsPast && criterion.Status != CriterionStatus.Met;

    public static string Badge(PhaseGate phase, Criterion criterion) => IsUpcoming(phase, criterion)
        ? "Upcoming"
        : criterion.Status switch { CriterionStatus.Met => "Met", CriterionStatus.NotMet => "Not met", _ => "Not started" };

    /// <summary>The first page of one of the eight steps in the navigation.</summary>
    public string StepLink(int step) =>
        $"/partnerships/{Partnership.Id}{navigation.Entries.First(e => e.Group == NavGroup.Plan && e.Step == step).Path}";
}
