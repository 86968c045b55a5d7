using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features;

[AllowAnonymous]
public sealed class IndexModel(JoineryDb db, Tenancy tenancy, SetUpFirstAdministrator setup, WaitingForYou inbox) : PageModel
{
    public List<PartnershipSummary> Partnerships { get; private set; } = [];
    public IReadOnlyList<InboxItem> Waiting { get; private set; } = [];
    public bool IsSiteAdmin => tenancy.IsSiteAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenancy.UserId is null)
        {
            return await setup.IsNeededAsync(cancellationToken) ? Redirect("/setup") : Redirect("/account/sign-in");
        }
        Partnerships = await db.ListMyPartnershipsAsync(cancellationToken);
        Waiting = await inbox.RunAsync(cancellationToken);
        return Page();
    }
}
