using System.Globalization;
using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Trust;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Trust;

public sealed class RoundModel(JoineryDb db, PulseWork pulse) : PartnershipPage(db)
{
    public PulseRoundView Round { get; private set; } = null!;
    public PulseResults Results { get; private set; } = null!;

    // Named explicitly: a dictionary bound by its property name alone would, when the form has no
    // such keys, fall back to taking every field of the form.
    [BindProperty(Name = "Scores")]
    public Dictionary<string, string?> Scores { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid round, CancellationToken cancellationToken) =>
        await LoadAsync(id, round, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, Guid round, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, round, cancellationToken))
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(PulseCsv.Write(Results)), "text/csv", $"pulse-round-{Results.Number}.csv");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid round, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, round, cancellationToken))
        {
            return NotFound();
        }
        // An unreadable score (not a whole number) goes on as "no score", which the operation names.
        var answers = Scores.Select(s => new PulseAnswerInput(s.Key,
            int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) ? score : null)).ToList();
        var outcome = await pulse.SubmitAsync(id, round, new PulseSubmission(answers, Comment), cancellationToken);
        return Answer(outcome, id, round);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid round, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, round, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await pulse.CloseRoundAsync(id, round, cancellationToken);
        return Answer(outcome, id, round, n => $"Round {Round.Number} is closed with {Counting.Of(n, "answer")}. Its results are below.");
    }

    private IActionResult Answer(Outcome<int> outcome, Guid id, Guid round, Func<int, string>? done = null)
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = done?.Invoke(outcome.Value) ?? "Thank you: your answers are in, anonymously.";
                return Redirect($"/partnerships/{id}/pulse/{round}");
            case OutcomeStatus.Forbidden:
                return Forbid();
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors)
                {
                    // A refusal of the whole submission (closed, already answered) is about the page, not a field.
                    var key = outcome.Status == OutcomeStatus.Conflict ? "" : field;
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(key, message);
                    }
                }
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, Guid round, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "trust", cancellationToken) || await pulse.GetRoundAsync(id, round, cancellationToken) is not { } view)
        {
            return false;
        }
        Round = view;
        Results = (await pulse.ResultsAsync(id, round, cancellationToken))!;
        return true;
    }
}
