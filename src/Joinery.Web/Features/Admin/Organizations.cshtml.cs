using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Admin;

public sealed class OrganizationsModel(JoineryDb db, CreateOrganization create) : PageModel
{
    public List<OrganizationView> Organizations { get; private set; } = [];

    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await db.ListOrganizationsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await create.RunAsync(new OrganizationInput(Input.Name, Input.Kind), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            Organizations = await db.ListOrganizationsAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "The organization was added.";
        return RedirectToPage();
    }

    public sealed class OrganizationForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
    }
}
