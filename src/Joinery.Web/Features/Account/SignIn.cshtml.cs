using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<User> signIn, JoineryDb db, SetUpFirstAdministrator setup) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.IsNeededAsync(cancellationToken) ? Redirect("/setup") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = (Input.Email ?? "").Trim().ToLowerInvariant();
        if (email.Length == 0 || string.IsNullOrEmpty(Input.Password) || email.Length > 254 || Input.Password.Length > 500)
        {
            ModelState.AddModelError("Input.Email", "Enter your email address and password.");
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        db.ChangeTracker.Clear();
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            db.Audit(result.Succeeded ? "sign-in.succeeded" : "sign-in.password-accepted", "user", user!.Id.ToString(), userId: user.Id, organizationId: user.OrganizationId);
            await db.SaveChangesAsync(cancellationToken);
            return result.Succeeded
                ? LocalRedirect(SafeReturn(ReturnUrl))
                : RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        }
        db.Audit(result.IsLockedOut ? "sign-in.locked-out" : "sign-in.failed", "user", user?.Id.ToString() ?? "", userId: user?.Id, organizationId: user?.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "The email address or password is not right.");
        return Page();
    }

    /// <summary>
    /// Where to go after signing in: a path on this site by Url.IsLocalUrl's rules ("/" not followed by
    /// "/" or "\", and no control characters, which browsers drop: "/\t/evil.example" is "//evil.example"
    /// to them), or else the home page. LocalRedirect refuses anything else with an exception.
    /// </summary>
    internal static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
