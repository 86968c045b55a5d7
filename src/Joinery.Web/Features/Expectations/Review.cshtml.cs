using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Expectations;

public sealed class ReviewModel(JoineryDb db, ShowExpectations show, ChangePilotReview change, EvaluateExpectation evaluate) : PartnershipPage(db)
{
    public ExpectationsView View { get; private set; } = null!;
    public PilotReviewView Current { get; private set; } = null!;

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    [BindProperty]
    public EvaluationForm Evaluation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }
        Input = ReviewForm.FromReview(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await change.RunAsync(id, reviewId, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The pilot review is saved.");
    }

    public async Task<IActionResult> OnPostEvaluateAsync(Guid id, Guid reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }
        Input = ReviewForm.FromReview(Current);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await evaluate.RunAsync(id, reviewId, Evaluation.ToInput(), cancellationToken);
        return Respond(outcome, created => created ? "The re-evaluation is recorded." : "The re-evaluation is corrected.", "Evaluation");
    }

    private async Task<bool> LoadAsync(Guid id, Guid reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "expectations", cancellationToken))
        {
            return false;
        }
        View = (await show.RunAsync(id, cancellationToken))!;
        var review = View.PilotReviews.FirstOrDefault(r => r.Id == reviewId);
        if (review is null)
        {
            return false;
        }
        Current = review;
        return true;
    }
}
