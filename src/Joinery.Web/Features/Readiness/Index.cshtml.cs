using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Readiness;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Readiness;

[InNavigation(NavGroup.Explore, 1, "Readiness", "/readiness")]
public sealed class IndexModel(JoineryDb db, ReadinessCheck readiness) : PartnershipPage(db)
{
    public ReadinessView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenRoundAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await readiness.OpenRoundAsync(id, cancellationToken);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Forbid();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "");
            return Page();
        }
        TempData["Status"] = $"Round {outcome.Value} is open. Leaders of each partner can answer now.";
        return RedirectToPage(new { round = (int?)null });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "readiness", cancellationToken))
        {
            return false;
        }
        View = (await readiness.GetAsync(id, Round, cancellationToken))!;
        return true;
    }
}
