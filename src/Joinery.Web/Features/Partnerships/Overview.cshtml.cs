using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

public sealed class OverviewModel(JoineryDb db, ComputeRoadmap roadmap) : PartnershipPage(db)
{
    public RoadmapView Roadmap { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "overview", cancellationToken))
        {
            return NotFound();
        }
        Roadmap = (await roadmap.RunAsync(id, cancellationToken))!;
        return Page();
    }
}
