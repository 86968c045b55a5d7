using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

public sealed class OverviewModel(JoineryDb db, ComputeRoadmap roadmap, PartnershipHealth health, MilestonesWork milestones) : PartnershipPage(db)
{
    public RoadmapView Roadmap { get; private set; } = null!;
    public IReadOnlyList<HealthSignal> Signals { get; private set; } = [];

    /// <summary>The latest celebrations of milestones, a light touch on the overview.</summary>
    public IReadOnlyList<CelebrationView> Celebrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "overview", cancellationToken))
        {
            return NotFound();
        }
        Signals = (await health.SignalsAsync(id, cancellationToken))!;
        Roadmap = (await roadmap.RunAsync(id, cancellationToken))!;
        Celebrations = (await milestones.GetAsync(id, cancellationToken))!.LatestCelebrations(3);
        return Page();
    }
}
