using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Measures;

public sealed class CycleModel(JoineryDb db, MeasuresWork measures) : PartnershipPage(db)
{
    public MeasureDetails Measure { get; private set; } = null!;
    public CycleView Current { get; private set; } = null!;

    [BindProperty]
    public CycleForm Cycle { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid measureId, Guid cycleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cycleId, cancellationToken))
        {
            return NotFound();
        }
        Cycle = CycleForm.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid measureId, Guid cycleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cycleId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.SaveCycleAsync(id, measureId, cycleId, Cycle.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The cycle is saved.", "Cycle", _ => Redirect($"/partnerships/{id}/measures/{measureId}"));
    }

    private async Task<bool> LoadAsync(Guid id, Guid measureId, Guid cycleId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "measures", cancellationToken))
        {
            return false;
        }
        var measure = await measures.GetAsync(id, measureId, cancellationToken);
        var cycle = measure?.Cycles.FirstOrDefault(c => c.Id == cycleId);
        if (measure is null || cycle is null)
        {
            return false;
        }
        Measure = measure;
        Current = cycle;
        return true;
    }
}
