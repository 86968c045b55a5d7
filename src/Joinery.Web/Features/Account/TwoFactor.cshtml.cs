using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class TwoFactorModel(SignInManager<User> signIn, JoineryDb db, SignInAttempts attempts) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }
        if (!attempts.TryAttempt(HttpContext, user.Id.ToString()))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(nameof(Code), SignInAttempts.TooMany);
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length is < 6 or > 8 || !code.All(char.IsDigit))
        {
            ModelState.AddModelError(nameof(Code), "Enter the six-digit code from your authenticator app.");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        db.ChangeTracker.Clear();
        db.Audit(result.Succeeded ? "sign-in.succeeded" : "sign-in.failed", "user", user.Id.ToString(), detail: "authenticator", userId: user.Id, organizationId: user.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "That code is not right. Codes change every 30 seconds; try the current one.");
        return Page();
    }
}
