using Joinery.Core.Data;
using Joinery.Core.Feedback;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Feedback;

public sealed class YouSaidWeDidModel(JoineryDb db, FeedbackWork feedback) : PartnershipPage(db)
{
    public List<YouSaidWeDid> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "feedback", cancellationToken))
        {
            return NotFound();
        }
        Items = (await feedback.YouSaidWeDidAsync(id, cancellationToken))!;
        return Page();
    }
}
