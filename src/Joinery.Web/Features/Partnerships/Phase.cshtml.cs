using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

public sealed class PhaseModel(JoineryDb db, ComputeRoadmap roadmap, MovePhase movePhase) : PartnershipPage(db)
{
    public RoadmapView Roadmap { get; private set; } = null!;
    public Phase? Next => Partnership.Phase < Phase.Operate ? Partnership.Phase + 1 : null;

    [BindProperty]
    public PhaseForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var outcome = await movePhase.RunAsync(id, new PhaseMove(Input.To, Input.Reason), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return Page();
        }
        TempData["Status"] = $"The partnership is now in the {outcome.Value.Words()} phase.";
        return Redirect($"/partnerships/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "phase", cancellationToken))
        {
            return NotFound();
        }
        if (!Partnership.IsSteward)
        {
            return Forbid();
        }
        Roadmap = (await roadmap.RunAsync(id, cancellationToken))!;
        return null;
    }

    public sealed class PhaseForm
    {
        public string? To { get; set; }
        public string? Reason { get; set; }
    }
}
