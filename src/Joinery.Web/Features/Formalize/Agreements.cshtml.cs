using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

[InNavigation(NavGroup.Formalize, 3, "Agreements", "/agreements")]
public sealed class AgreementsModel(JoineryDb db, ShowAgreementsRegister register, RecordAgreement record) : PartnershipPage(db)
{
    public AgreementsRegister View { get; private set; } = null!;

    [BindProperty]
    public NewAgreementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await record.RunAsync(id, new AgreementInput(Input.Type, Input.Title, Input.Status), cancellationToken);
        return Respond(outcome, _ => "The agreement was recorded.", next: agreementId => Redirect($"/partnerships/{id}/agreements/{agreementId}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "agreements", cancellationToken))
        {
            return false;
        }
        View = (await register.RunAsync(id, cancellationToken))!;
        return true;
    }

    public sealed class NewAgreementForm
    {
        public string? Type { get; set; }
        public string? Title { get; set; }
        public string? Status { get; set; }
    }
}
