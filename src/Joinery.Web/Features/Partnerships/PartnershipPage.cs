using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Partnerships;

/// <summary>
/// A page inside a partnership's workspace. Loading goes through the tenancy filter, so a person
/// who is not a member gets null here and the page answers 404.
/// </summary>
public abstract class PartnershipPage(JoineryDb db) : PageModel
{
    public PartnershipView Partnership { get; private set; } = null!;

    protected JoineryDb Db => db;

    /// <summary>
    /// What a form post answers: on success a status message and post/redirect/get (to this page
    /// unless <paramref name="next"/> says where); 403 or 404 when refused; otherwise the page
    /// again with each message next to its field.
    /// </summary>
    protected IActionResult Respond<T>(Outcome<T> outcome, Func<T, string> done, string prefix = "Input", Func<T, IActionResult>? next = null)
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = done(outcome.Value!);
                return next?.Invoke(outcome.Value!) ?? RedirectToPage();
            case OutcomeStatus.Forbidden:
                return Forbid();
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, prefix);
                return Page();
        }
    }

    protected async Task<bool> LoadPartnershipAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        var partnership = await db.GetPartnershipAsync(id, cancellationToken);
        if (partnership is null)
        {
            return false;
        }
        Partnership = partnership;
        ViewData["Partnership"] = partnership;
        ViewData["Section"] = section;
        return true;
    }
}
