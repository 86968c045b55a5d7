using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Readiness;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Readiness;

public sealed class AnswerModel(JoineryDb db, ReadinessCheck readiness) : PartnershipPage(db)
{
    // Named explicitly: a dictionary bound by its property name alone would, when the form has no
    // such keys, fall back to taking every field of the form.
    [BindProperty(Name = "Answers")]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty(Name = "Comments")]
    public Dictionary<string, string?> Comments { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "readiness", cancellationToken))
        {
            return NotFound();
        }
        var view = (await readiness.GetAsync(id, cancellationToken: cancellationToken))!;
        if (!view.CanAnswer)
        {
            return Forbid();
        }
        Answers = view.MyAnswers?.ToDictionary(a => a.Key, a => (string?)(a.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ReadinessCheck.DontKnow)) ?? [];
        Comments = view.MyComments?.ToDictionary(c => c.Key, c => (string?)c.Value) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "readiness", cancellationToken))
        {
            return NotFound();
        }
        var outcome = await readiness.SubmitAsync(id, new ReadinessSubmission(Answers, Comments), cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = "Thank you: your answers are in.";
                return Redirect($"/partnerships/{id}/readiness");
            case OutcomeStatus.Forbidden:
                return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field.Replace('.', '_'), message);
                    }
                }
                return Page();
        }
    }
}
