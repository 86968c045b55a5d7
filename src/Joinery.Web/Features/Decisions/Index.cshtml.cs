using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Decisions;

[InNavigation(NavGroup.Plan, 1, "Decisions", "/decisions", Step = 4)]
public sealed class IndexModel(JoineryDb db, DecisionsWork decisions, MeetingsWork meetings) : PartnershipPage(db)
{
    public List<DecisionSummary> Decisions { get; private set; } = [];
    public List<MeetingSummary> Meetings { get; private set; } = [];
    public bool CanRecord => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await decisions.CreateAsync(id, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The decision is recorded. Each partner can now state its position.",
            next: decision => Redirect($"/partnerships/{id}/decisions/{decision}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "decisions", cancellationToken))
        {
            return false;
        }
        Decisions = (await decisions.ListAsync(id, cancellationToken))!;
        Meetings = [.. (await meetings.GetAsync(id, cancellationToken))!.Meetings];
        return true;
    }
}
