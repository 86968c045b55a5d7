using Joinery.Core.Data;
using Joinery.Core.Partnerships;
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
