using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

/// <summary>The one-time link from a steward: sets a password for a new account, or adds the partnership to an existing one.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class InvitationModel(Invitations invitations, SignInManager<User> signIn, Tenancy tenancy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptForm Input { get; set; } = new();

    public InvitationView? Invitation { get; private set; }

    public bool SignedInAsInvitee { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.AcceptAsync(Token, new AcceptInput(Input.Name, Input.Password), cancellationToken);
        if (!outcome.Succeeded)
        {
            await LoadAsync(cancellationToken);
            ModelState.AddOutcome(outcome);
            return Page();
        }
        var accepted = outcome.Value!;
        if (accepted.NewAccount)
        {
            var user = await signIn.UserManager.FindByIdAsync(accepted.UserId.ToString());
            await signIn.SignInAsync(user!, isPersistent: false);
        }
        TempData["Status"] = "Welcome to the partnership.";
        return Redirect($"/partnerships/{accepted.PartnershipId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Invitation = await invitations.FindOpenAsync(Token, cancellationToken);
        if (Invitation is not null && tenancy.UserId is { } me)
        {
            var user = await signIn.UserManager.FindByIdAsync(me.ToString());
            SignedInAsInvitee = string.Equals(user?.Email, Invitation.Email, StringComparison.OrdinalIgnoreCase);
        }
    }

    public sealed class AcceptForm
    {
        public string? Name { get; set; }
        public string? Password { get; set; }
    }
}
