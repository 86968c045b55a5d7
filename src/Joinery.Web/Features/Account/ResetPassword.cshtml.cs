using Joinery.Core.Accounts;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(ResetPassword reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ResetForm Input { get; set; } = new();

    /// <summary>False when the link was used, expired or is incomplete: the page says so instead of showing the form.</summary>
    public bool LinkWorks { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LinkWorks = await reset.IsValidAsync(UserId, Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await reset.RunAsync(new PasswordResetInput(UserId, Token, Input.NewPassword), cancellationToken);
        if (!outcome.Succeeded)
        {
            LinkWorks = !outcome.Errors.ContainsKey("token");
            ModelState.Clear();
            ModelState.AddOutcome(outcome);
            return Page();
        }
        TempData["Status"] = "Your password was changed and you were signed out everywhere. Sign in with your new password.";
        return Redirect("/account/sign-in");
    }

    public sealed class ResetForm
    {
        public string? NewPassword { get; set; }
    }
}
