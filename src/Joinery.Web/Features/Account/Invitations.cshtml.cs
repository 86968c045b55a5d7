using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Account;

/// <summary>The open invitations addressed to the signed-in person, each accepted with one button (the inbox links here).</summary>
public sealed class InvitationsModel(ShowMyInvitations show, AcceptMyInvitation accept) : PageModel
{
    public IReadOnlyList<MyInvitation> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Open = await show.RunAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var outcome = await accept.RunAsync(invitationId, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            Open = await show.RunAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Welcome to the partnership.";
        return Redirect($"/partnerships/{outcome.Value}");
    }
}
