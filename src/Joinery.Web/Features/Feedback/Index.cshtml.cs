using Joinery.Core.Data;
using Joinery.Core.Feedback;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Feedback;

[InNavigation(NavGroup.Plan, 1, "Feedback", "/feedback", Step = 7)]
public sealed class IndexModel(JoineryDb db, FeedbackWork feedback) : PartnershipPage(db)
{
    public List<FeedbackSummary> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await feedback.PostAsync(id, Input.ToInput(), cancellationToken);
        return Respond(outcome,
            _ => Input.Anonymous
                ? "Your feedback is posted anonymously. Nothing about who wrote it was kept."
                : "Your feedback is posted. Everyone in the partnership can read it and will see the answer.",
            next: item => Redirect($"/partnerships/{id}/feedback/{item}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "feedback", cancellationToken))
        {
            return false;
        }
        var list = await feedback.ListAsync(id, Kind, Status, cancellationToken);
        if (list.Succeeded)
        {
            Items = list.Value!;
        }
        else
        {
            // A filter that cannot be applied is explained next to it; the list stays empty.
            ModelState.AddOutcome(list, "");
        }
        return true;
    }
}
