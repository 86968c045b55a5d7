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

    /// <summary>The phase a closing partnership came from, where it returns if the partners carry on.</summary>
    public Phase? ClosedFrom => Partnership.PhaseChanges.FirstOrDefault(c => c.To == Phase.Close)?.From;

    [BindProperty]
    public PhaseForm Input { get; set; } = new();

    [BindProperty]
    public PhaseForm End { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        return await MoveAsync(id, Input, "Input", cancellationToken);
    }

    /// <summary>The partners decided to end the partnership: to Close, with the reason.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        return await MoveAsync(id, new PhaseForm { To = "close", Reason = End.Reason }, "End", cancellationToken);
    }

    private async Task<IActionResult> MoveAsync(Guid id, PhaseForm form, string prefix, CancellationToken cancellationToken)
    {
        var outcome = await movePhase.RunAsync(id, new PhaseMove(form.To, form.Reason), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, prefix);
            return Page();
        }
        TempData["Status"] = $"The partnership is now in the {outcome.Value.Words()} phase.";
        return Redirect(outcome.Value == Phase.Close ? $"/partnerships/{id}/close" : $"/partnerships/{id}");
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
