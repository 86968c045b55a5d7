using Joinery.Core.Data;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Meetings;

[InNavigation(NavGroup.Plan, 2, "Action items", "/actions", Step = 3)]
public sealed class ActionsModel(JoineryDb db, MeetingsWork meetings) : PartnershipPage(db)
{
    public List<ActionView> Actions { get; private set; } = [];
    public bool CanChange => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid actionId, string? status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await meetings.SetActionStatusAsync(id, actionId, status, cancellationToken);
        return Respond(outcome, _ => "The action item was updated.", "",
            _ => RedirectToPage(new { mine = Mine ? true : (bool?)null, overdue = Overdue ? true : (bool?)null }));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "meetings", cancellationToken))
        {
            return false;
        }
        Actions = (await meetings.ListActionsAsync(id, Mine, Overdue, cancellationToken))!;
        return true;
    }
}
