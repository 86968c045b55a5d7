using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Partnerships;

/// <summary>Site administrators start partnerships.</summary>
[Authorize(Policy = SiteAdmin.Policy)]
public sealed class NewModel(JoineryDb db, Tenancy tenancy, CreatePartnership create, AddMember addMember) : PageModel
{
    public List<OrganizationView> Organizations { get; private set; } = [];
    public Guid? MyOrganizationId => tenancy.OrganizationId;

    [BindProperty]
    public NewForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await db.ListOrganizationsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await create.RunAsync(new PartnershipInput(Input.Name, Input.Organizations), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            Organizations = await db.ListOrganizationsAsync(cancellationToken);
            return Page();
        }
        var id = outcome.Value;
        var join = Input.JoinAsSteward && tenancy.OrganizationId is { } mine && Input.Organizations.Contains(mine.ToString());
        if (join)
        {
            var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == tenancy.UserId, cancellationToken);
            await addMember.RunAsync(id, new MemberInput(me.Email, nameof(MemberRole.Steward), nameof(MemberLevel.Executive)), cancellationToken);
        }
        TempData["Status"] = "The partnership has started. Invite the people who will build it.";
        return Redirect(join ? $"/partnerships/{id}/members" : "/admin/partnerships");
    }

    public sealed class NewForm
    {
        public string? Name { get; set; }
        public List<string> Organizations { get; set; } = [];
        public bool JoinAsSteward { get; set; } = true;
    }
}
