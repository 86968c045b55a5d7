using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

public sealed class OverviewModel(JoineryDb db, ComputeRoadmap roadmap, PartnershipHealth health, MilestonesWork milestones, WaitingForYou inbox) : PartnershipPage(db)
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
}
