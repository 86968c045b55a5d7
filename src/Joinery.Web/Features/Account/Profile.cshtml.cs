using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Account;

public sealed class ProfileModel(JoineryDb db, Tenancy tenancy, UserManager<User> users, SignInManager<User> signIn, PersonalAccessTokens tokens,
    SiteSettingsStore settings, ChangePassword changePassword, ChangeJobTitle changeJobTitle) : PageModel
{
    public User Me { get; private set; } = null!;
    public Organization Organization { get; private set; } = null!;
    public List<TokenView> Tokens { get; private set; } = [];
    public bool MfaRequired { get; private set; }
    public DateTimeOffset Now => db.Now;

    [BindProperty]
    public string? TokenName { get; set; }

    [BindProperty]
    public PasswordForm Password { get; set; } = new();

    [BindProperty]
    public string? JobTitle { get; set; }

    [BindProperty]
    public int? TokenDays { get; set; } = PersonalAccessTokens.DefaultDays;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(TokenDays), "Enter the number of days as a whole number from 1 to 366.");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var outcome = await tokens.CreateAsync(tenancy.UserId!.Value, TokenName, TokenDays, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == "expires" ? nameof(TokenDays) : nameof(TokenName), message);
                }
            }
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["NewToken"] = outcome.Value!.Secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        var outcome = await changePassword.RunAsync(tenancy.UserId!.Value, new PasswordChange(Password.CurrentPassword, Password.NewPassword), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddOutcome(outcome, nameof(Password));
            await LoadAsync(cancellationToken);
            return Page();
        }
        // Every other session ended with the new security stamp; this one carries on with a fresh cookie.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(outcome.Value.ToString()))!);
        TempData["Status"] = "Your password was changed. You were signed out everywhere else.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostJobTitleAsync(CancellationToken cancellationToken)
    {
        var outcome = await changeJobTitle.RunAsync(tenancy.UserId!.Value, JobTitle, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddOutcome(outcome, prefix: "");
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Your job title was saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var outcome = await tokens.RevokeAsync(tenancy.UserId!.Value, tokenId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Status"] = "The token was revoked.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableMfaAsync(CancellationToken cancellationToken)
    {
        if ((await settings.GetAsync(cancellationToken)).RequireMfa)
        {
            TempData["Status"] = "This site requires two-step sign-in; it cannot be turned off.";
            return RedirectToPage();
        }
        var user = await users.FindByIdAsync(tenancy.UserId!.Value.ToString());
        await users.SetTwoFactorEnabledAsync(user!, false);
        await users.ResetAuthenticatorKeyAsync(user!);
        await signIn.RefreshSignInAsync(user!);
        TempData["Status"] = "Two-step sign-in is off.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == tenancy.UserId, cancellationToken);
        // A refused title stays in the box as typed, so it can be shortened rather than retyped.
        JobTitle ??= Me.JobTitle;
        Organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == Me.OrganizationId, cancellationToken);
        Tokens = await tokens.ListAsync(Me.Id, cancellationToken);
        MfaRequired = (await settings.GetAsync(cancellationToken)).RequireMfa;
    }

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }
}
