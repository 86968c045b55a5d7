using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Admin;

/// <summary>Site administrators see every partnership's name, partners and phase (not its records) and can add members.</summary>
public sealed class PartnershipsModel(JoineryDb db, AddMember addMember) : PageModel
{
    public List<PartnershipSummary> Partnerships { get; private set; } = [];

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Partnerships = await db.ListMyPartnershipsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var outcome = await addMember.RunAsync(partnershipId, new MemberInput(Input.Email, Input.Role, Input.Level), cancellationToken);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            foreach (var message in outcome.Errors.Values.SelectMany(m => m))
            {
                ModelState.AddModelError("", message);
            }
            Partnerships = await db.ListMyPartnershipsAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "The member was added.";
        return RedirectToPage();
    }

    public sealed class MemberForm
    {
        public string? Email { get; set; }
        public string? Role { get; set; }
        public string? Level { get; set; }
    }
}
