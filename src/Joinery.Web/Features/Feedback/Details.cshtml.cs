using Joinery.Core.Data;
using Joinery.Core.Feedback;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Feedback;

public sealed class DetailsModel(JoineryDb db, FeedbackWork feedback) : PartnershipPage(db)
{
    public FeedbackDetails Item { get; private set; } = null!;

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public StatusForm Change { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, feedbackId, cancellationToken))
        {
            return NotFound();
        }
        Answer = Item.Answer;
        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, feedbackId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await feedback.SupportAsync(id, feedbackId, cancellationToken);
        return Respond(outcome, n => $"Me too: {n} {(n == 1 ? "person supports" : "people support")} this item.", "");
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, feedbackId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await feedback.AnswerAsync(id, feedbackId, Answer, cancellationToken);
        return Respond(outcome, _ => "The answer is published; everyone in the partnership can read it.", "");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, feedbackId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await feedback.SetStatusAsync(id, feedbackId, Change.ToInput(), cancellationToken);
        return Respond(outcome, status => status == FeedbackStatus.Done
            ? "Marked done. It now appears on \"you said, we did\"."
            : $"The status is now {status.Label().ToLowerInvariant()}.", "Change");
    }

    private async Task<bool> LoadAsync(Guid id, Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "feedback", cancellationToken))
        {
            return false;
        }
        var item = await feedback.GetAsync(id, feedbackId, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        return true;
    }
}
