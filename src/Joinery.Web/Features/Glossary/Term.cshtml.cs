using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Glossary;

public sealed class TermModel(JoineryDb db, GlossaryWork glossary) : PartnershipPage(db)
{
    public TermDetails Details { get; private set; } = null!;
    public bool CanEdit => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty]
    public TermForm Input { get; set; } = new();

    [BindProperty]
    public string? CommentText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid termId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, termId, cancellationToken))
        {
            return NotFound();
        }
        Input = TermForm.From(Details.Term);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid termId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, termId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await glossary.UpdateAsync(id, termId, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The term was saved.");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, Guid termId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, termId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await glossary.CommentAsync(id, termId, CommentText, cancellationToken);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            ModelState.AddModelError(nameof(CommentText), outcome.FirstError);
            return Page();
        }
        return Respond(outcome, _ => "Your comment was added.", "");
    }


    private async Task<bool> LoadAsync(Guid id, Guid termId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "glossary", cancellationToken))
        {
            return false;
        }
        var details = await glossary.GetAsync(id, termId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        return true;
    }
}
