using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Organizations;

/// <summary>
/// An organization's profile: its own mission and vision. The organization's stewards and site
/// administrators edit it; its people and members of a partnership with it read it.
/// </summary>
public sealed class ProfileModel(JoineryDb db, Tenancy tenancy, UpdateOrganizationProfile update) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = new ProfileForm { Name = Organization.Name, Kind = Organization.Kind.ToText(), Mission = Organization.Mission, Vision = Organization.Vision };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var outcome = await update.RunAsync(id, new OrganizationInput(Input.Name, Input.Kind, Input.Mission, Input.Vision), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return Page();
        }
        TempData["Status"] = "The profile was saved.";
        return RedirectToPage();
    }

    /// <summary>Visible to its own people, site administrators, and members of a partnership it belongs to.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = tenancy.IsSiteAdmin || tenancy.OrganizationId == id
            || await db.PartnerOrganizations.AnyAsync(p => p.OrganizationId == id, cancellationToken);
        var organization = visible ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) : null;
        if (organization is null)
        {
            return false;
        }
        Organization = new OrganizationView(organization.Id, organization.Name, organization.Kind, organization.Mission, organization.Vision);
        CanEdit = await update.CanEditAsync(id, cancellationToken);
        return true;
    }

    public sealed class ProfileForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Mission { get; set; }
        public string? Vision { get; set; }
    }
}
