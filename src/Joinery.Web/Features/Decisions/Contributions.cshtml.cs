using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Decisions;

[InNavigation(NavGroup.Plan, 2, "Contributions", "/contributions", Step = 4)]
public sealed class ContributionsModel(JoineryDb db, DecisionsWork decisions, FinancesWork finances) : PartnershipPage(db)
{
    public ContributionsView View { get; private set; } = null!;

    /// <summary>Contributions a cost item on the Finances page pays for, with that cost's payer and description.</summary>
    public IReadOnlyDictionary<Guid, string> PaidBy { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public ContributionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await decisions.AddContributionAsync(id, new ContributionInput(Input.Organization, Input.Kind, Input.Description, Input.Value, Input.Fte, Input.PeriodStart, Input.PeriodEnd), cancellationToken);
        return Respond(outcome, _ => "The contribution was recorded.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "decisions", cancellationToken))
        {
            return false;
        }
        View = (await decisions.ContributionsAsync(id, cancellationToken))!;
        PaidBy = await finances.PaidContributionsAsync(id, cancellationToken);
        return true;
    }

    public sealed class ContributionForm
    {
        public string? Organization { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Value { get; set; }
        public string? Fte { get; set; }
        public string? PeriodStart { get; set; }
        public string? PeriodEnd { get; set; }
    }
}
