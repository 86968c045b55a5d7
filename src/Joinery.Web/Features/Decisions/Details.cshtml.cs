using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Meetings;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Decisions;

public sealed class DetailsModel(JoineryDb db, DecisionsWork decisions, MeetingsWork meetings) : PartnershipPage(db)
{
    public DecisionDetails Details { get; private set; } = null!;
    public List<MeetingSummary> Meetings { get; private set; } = [];

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    [BindProperty]
    public string? Position { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }
        Input = DecisionForm.From(Details);
        Position = Details.Positions.FirstOrDefault(p => p.OrganizationId == Db.Tenancy.OrganizationId)?.Position;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await decisions.UpdateAsync(id, decisionId, Input.ToInput(), cancellationToken);
        return Respond(outcome, voided => voided > 0 ? $"Saved. The change voided {Counting.Of(voided, "sign-off")}; the decision is open for sign-off again." : "Saved.");
    }

    public async Task<IActionResult> OnPostPositionAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await decisions.SetPositionAsync(id, decisionId, Position, cancellationToken);
        return Respond(outcome, _ => "Your organization's position was saved.", "");
    }

    public async Task<IActionResult> OnPostSignOffAsync(Guid id, Guid decisionId, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }
        if (!confirm)
        {
            // A sign-off commits the organization: it is given only with what is signed in view.
            ModelState.AddModelError("confirm-sign-off", "Tick the box to confirm that you have read the compromise and your organization agrees to it.");
            return Page();
        }
        var outcome = await decisions.SignOffAsync(id, decisionId, cancellationToken);
        return Respond(outcome, agreed => agreed ? "Signed off. Every partner has signed: the decision is agreed." : "Signed off for your organization.", "");
    }


    private async Task<bool> LoadAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "decisions", cancellationToken))
        {
            return false;
        }
        var details = await decisions.GetAsync(id, decisionId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        Meetings = [.. (await meetings.GetAsync(id, cancellationToken))!.Meetings];
        return true;
    }
}
