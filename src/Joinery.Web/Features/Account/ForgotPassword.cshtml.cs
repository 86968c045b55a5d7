using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(ForgotPassword forgot, SignInAttempts attempts, AfterTheAnswer after) : PageModel
{
    /// <summary>The one answer, whether or not an account uses the address.</summary>
    public const string Sent = "If an account uses that address, we sent a link to it. The link works once, within an hour; check your spam folder if nothing arrives.";

    public bool IsAvailable => forgot.IsAvailable;

    [BindProperty]
    public ForgotForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        // Each request costs a guess from the same budget as sign-in, per address and account.
        if (!attempts.TryAttempt(HttpContext, "reset:" + (Input.Email ?? "")))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("Input.Email", "Too many requests for this address from here. Wait a minute and try again.");
            return Page();
        }
        var outcome = forgot.Check(Input.Email);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Page();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return Page();
        }
        // Looking the account up, making a link and sending it happen after the answer, which is
        // then as quick for an address nobody uses as for one that has an account.
        var address = outcome.Value!;
        after.Enqueue((services, stopping) => services.GetRequiredService<ForgotPassword>().RunAsync(address, stopping));
        TempData["Status"] = Sent;
        return RedirectToPage();
    }

    public sealed class ForgotForm
    {
        public string? Email { get; set; }
    }
}
