using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Search;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Search;

[InNavigation(NavGroup.Overview, 3, "Search", "/search")]
public sealed class IndexModel(JoineryDb db, SearchPartnership search) : PartnershipPage(db)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Null until a search was made (the page opened without one shows only the form).</summary>
    public List<SearchHit>? Hits { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "search", cancellationToken))
        {
            return NotFound();
        }
        if (!Request.Query.ContainsKey("q"))
        {
            return Page();
        }
        var outcome = await search.RunAsync(id, Q, cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                Hits = outcome.Value;
                break;
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                // Keyed as the bound property is, so the summary links to the input (id "Q").
                foreach (var message in outcome.Errors.Values.SelectMany(m => m))
                {
                    ModelState.AddModelError(nameof(Q), message);
                }
                break;
        }
        return Page();
    }
}
