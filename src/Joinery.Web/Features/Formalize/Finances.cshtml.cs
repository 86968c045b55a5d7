using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

[InNavigation(NavGroup.Formalize, 2, "Finances", "/finances")]
public sealed class FinancesModel(JoineryDb db, FinancesWork work) : PartnershipPage(db)
{
    public FinancesView View { get; private set; } = null!;

    [BindProperty]
    public CostForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await work.AddAsync(id, new CostItemInput(Input.Category, Input.Description, Input.Organization, Input.Amount, Input.Period, Input.FromMonth, Input.ToMonth, Input.Contribution), cancellationToken);
        return Respond(outcome, _ => "The cost item was recorded.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid costItemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Respond(await work.DeleteAsync(id, costItemId, cancellationToken), _ => "The cost item was removed.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "finances", cancellationToken))
        {
            return false;
        }
        View = (await work.GetAsync(id, cancellationToken))!;
        return true;
    }

    public sealed class CostForm
    {
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Organization { get; set; }
        public string? Amount { get; set; }
        public string? Period { get; set; }
        public string? FromMonth { get; set; }
        public string? ToMonth { get; set; }
        public string? Contribution { get; set; }
    }
}
