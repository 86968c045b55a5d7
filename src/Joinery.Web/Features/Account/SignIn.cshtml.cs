using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<User> signIn, JoineryDb db, SetUpFirstAdministrator setup, SignInAttempts attempts, DecoyPassword decoy) : PageModel
{
    /// <summary>The one answer to every failed attempt, whether the account exists, is locked or is deactivated.</summary>
    public const string NotRight = "The email address or password is not right.";

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
        if (!attempts.TryAttempt(HttpContext, email))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("Input.Email", SignInAttempts.TooMany);
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        // One commit whatever happens (the failure count and the audit entry together), so a known
        // address does not answer later than an unknown one by the time of a second write.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await SignInAsync(user, Input.Password);
        db.ChangeTracker.Clear();
        var accepted = result.Succeeded || result.RequiresTwoFactor;
        db.Audit(accepted ? (result.Succeeded ? "sign-in.succeeded" : "sign-in.password-accepted")
                : result.IsLockedOut ? "sign-in.locked-out" : result.IsNotAllowed ? "sign-in.deactivated" : "sign-in.failed",
            "user", user?.Id.ToString() ?? "", userId: user?.Id, organizationId: user?.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (accepted)
        {
            return result.Succeeded
                ? LocalRedirect(SafeReturn(ReturnUrl))
                : RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        }
        ModelState.AddModelError("Input.Email", NotRight);
        return Page();
    }

    /// <summary>
    /// Exactly one password hash per attempt, whatever the account's state: an unknown address, a
    /// locked or a deactivated account would otherwise answer in a fraction of the time and so
    /// tell a guesser which addresses are real.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(User? user, string password)
    {
        if (user is not null && await signIn.CanSignInAsync(user) && !await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }
        decoy.Check(signIn.UserManager.PasswordHasher, password);
        return user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.UserManager.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : Microsoft.AspNetCore.Identity.SignInResult.NotAllowed;
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
