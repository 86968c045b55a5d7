using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Admin;

public sealed class IndexModel(JoineryDb db, SiteSettingsStore settings) : PageModel
{
    public int OrganizationCount { get; private set; }
    public int UserCount { get; private set; }
    public int PartnershipCount { get; private set; }

    [BindProperty]
    public bool RequireMfa { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OrganizationCount = await db.Organizations.CountAsync(cancellationToken);
        UserCount = await db.Users.CountAsync(cancellationToken);
        PartnershipCount = await db.Partnerships.CountAsync(cancellationToken);
        RequireMfa = (await settings.GetAsync(cancellationToken)).RequireMfa;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await settings.SetRequireMfaAsync(RequireMfa, cancellationToken);
        TempData["Status"] = RequireMfa ? "Two-step sign-in is now required for everyone." : "Two-step sign-in is now optional.";
        return RedirectToPage();
    }
}
