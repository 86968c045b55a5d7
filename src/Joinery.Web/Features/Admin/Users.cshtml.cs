using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Admin;

public sealed class UsersModel(JoineryDb db, CreateUser create, AccountActivation activation, ChangeJobTitle changeJobTitle) : PageModel
{
    public List<UserView> Users { get; private set; } = [];
    public Guid? MyId => db.Tenancy.UserId;
    public List<OrganizationView> Organizations { get; private set; } = [];

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await create.RunAsync(new UserInput(Input.Email, Input.Name, Input.Organization, Input.Password, Input.IsSiteAdmin, Input.JobTitle), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "The account was created.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostJobTitleAsync(Guid userId, string? jobTitle, CancellationToken cancellationToken)
    {
        var outcome = await changeJobTitle.RunAsync(userId, jobTitle, cancellationToken);
        if (outcome.Status == Joinery.Core.Common.OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.FirstError);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "The job title was saved.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid userId, CancellationToken cancellationToken) =>
        ChangeAccessAsync(activation.DeactivateAsync(userId, cancellationToken), "The account is deactivated; its sessions and tokens stopped working.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid userId, CancellationToken cancellationToken) =>
        ChangeAccessAsync(activation.ReactivateAsync(userId, cancellationToken), "The account is active again.", cancellationToken);

    private async Task<IActionResult> ChangeAccessAsync(Task<Joinery.Core.Common.Outcome<Guid>> change, string done, CancellationToken cancellationToken)
    {
        var outcome = await change;
        if (outcome.Status == Joinery.Core.Common.OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.FirstError);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await db.ListUsersAsync(db.Now, cancellationToken);
        Organizations = await db.ListOrganizationsAsync(cancellationToken);
    }

    public sealed class UserForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? JobTitle { get; set; }
        public string? Organization { get; set; }
        public string? Password { get; set; }
        public bool IsSiteAdmin { get; set; }
    }
}
