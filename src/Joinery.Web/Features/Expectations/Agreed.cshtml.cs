using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Expectations;

public sealed class AgreedModel(JoineryDb db, ShowExpectations show, MeasuresWork measures, ChangeAgreedExpectation change) : PartnershipPage(db)
{
    public ExpectationsView View { get; private set; } = null!;
    public AgreedView Agreed { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members => Partnership.Members;
    public List<MeasureSummary> Measures { get; private set; } = [];

    [BindProperty]
    public AgreedForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreedId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreedId, cancellationToken))
        {
            return NotFound();
        }
        Input = AgreedForm.From(Agreed);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreedId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreedId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await change.RunAsync(id, agreedId, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The agreed expectation is saved.");
    }

    private async Task<bool> LoadAsync(Guid id, Guid agreedId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "expectations", cancellationToken))
        {
            return false;
        }
        View = (await show.RunAsync(id, cancellationToken))!;
        var agreed = View.Agreed.FirstOrDefault(a => a.Id == agreedId);
        if (agreed is null)
        {
            return false;
        }
        Agreed = agreed;
        Measures = (await measures.ListAsync(id, cancellationToken))!;
        return true;
    }
}
