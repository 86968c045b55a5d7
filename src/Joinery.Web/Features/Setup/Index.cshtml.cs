using Joinery.Core.Accounts;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Joinery.Web.Features.Setup;

/// <summary>First run: offers to create the first site administrator, only while nobody has an account.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class IndexModel(SetUpFirstAdministrator setup, SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public SetupForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.IsNeededAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await setup.RunAsync(new FirstAdminInput(Input.Email, Input.Name, Input.OrganizationName, Input.OrganizationKind, Input.Password), cancellationToken);
        if (outcome.Status == Core.Common.OutcomeStatus.Forbidden)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return Page();
        }
        var user = await signIn.UserManager.FindByIdAsync(outcome.Value.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        TempData["Status"] = "Welcome. Next: add the partner organizations and start a partnership.";
        return Redirect("/admin");
    }

    public sealed class SetupForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? OrganizationName { get; set; }
        public string? OrganizationKind { get; set; }
    }
}
