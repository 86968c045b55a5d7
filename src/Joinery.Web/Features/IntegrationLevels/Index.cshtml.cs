using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.IntegrationLevels;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.IntegrationLevels;

[InNavigation(NavGroup.Explore, 2, "Integration level", "/integration-level")]
public sealed class IndexModel(JoineryDb db, Core.IntegrationLevels.IntegrationLevels levels) : PartnershipPage(db)
{
    public IntegrationLevelView View { get; private set; } = null!;

    // Named explicitly so that, without such keys, it does not fall back to binding the whole form.
    [BindProperty(Name = "Answers")]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await levels.RecordFindingAsync(id, Answers, cancellationToken);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Forbid();
        }
        if (!outcome.Succeeded)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Replace('.', '_'), message);
                }
            }
            return Page();
        }
        TempData["Status"] = $"The finder places your organization's view of today's practice at level {outcome.Value}: {IntegrationLevelCatalog.Level(outcome.Value).Name}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await levels.DecideAsync(id, new LevelChoice(Decision.CurrentLevel, Decision.TargetLevel, Decision.Note), cancellationToken);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Forbid();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, nameof(Decision));
            return Page();
        }
        TempData["Status"] = "The agreed levels are recorded.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "integration-level", cancellationToken))
        {
            return false;
        }
        View = (await levels.GetAsync(id, cancellationToken))!;
        return true;
    }

    public sealed class DecisionForm
    {
        public string? CurrentLevel { get; set; }
        public string? TargetLevel { get; set; }
        public string? Note { get; set; }
    }
}
