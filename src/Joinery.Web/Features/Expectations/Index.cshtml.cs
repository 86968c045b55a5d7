using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Expectations;

[InNavigation(NavGroup.Plan, 1, "Expectations", "/expectations", Step = 5)]
public sealed class IndexModel(JoineryDb db, ShowExpectations show, MeasuresWork measures, AddExpectation add, ChangeExpectation change,
    RemoveExpectation remove, SubmitExpectations submit, PairExpectations pair, UnpairExpectations unpair, AgreeExpectation agree,
    RecordPilotReview record) : PartnershipPage(db)
{
    public ExpectationsView View { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members => Partnership.Members;
    public List<MeasureSummary> Measures { get; private set; } = [];

    /// <summary>The item whose reword form is open again with its error.</summary>
    public Guid? Editing { get; private set; }

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    [BindProperty]
    public string? EditText { get; set; }

    [BindProperty]
    public PairForm Pair { get; set; } = new();

    [BindProperty]
    public AgreedForm Agree { get; set; } = new();

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    /// <summary>Opening the page from a pair ("agree on this pair") ticks both of its items in the agreement form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid? agreeOn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (agreeOn is { } pairId && View.Pairs.FirstOrDefault(p => p.Id == pairId) is { } chosen)
        {
            Agree.Items = [chosen.First, chosen.Second];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await add.RunAsync(id, Item.Text, cancellationToken);
        return Respond(outcome, _ => "Added to your organization's list.", "Item");
    }

    public async Task<IActionResult> OnPostEditItemAsync(Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await change.RunAsync(id, itemId, EditText, cancellationToken);
        if (outcome.Status is OutcomeStatus.Invalid)
        {
            // The message links to this item's own reword field, opened again.
            foreach (var message in outcome.Errors.Values.SelectMany(m => m))
            {
                ModelState.AddModelError($"edit-{itemId}", message);
            }
            Editing = itemId;
            return Page();
        }
        return Respond(outcome, _ => "The expectation is reworded.", "");
    }

    public async Task<IActionResult> OnPostDeleteItemAsync(Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await remove.RunAsync(id, itemId, cancellationToken);
        return Respond(outcome, _ => "The expectation is removed from your list.", "");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await submit.RunAsync(id, cancellationToken);
        return Respond(outcome, revealed => revealed
            ? "Your list is submitted. Every partner has submitted: the lists are now shown side by side."
            : "Your list is submitted. It stays hidden from the other partners until each of them has submitted theirs.", "Item");
    }

    public async Task<IActionResult> OnPostPairAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await pair.RunAsync(id, Pair.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The two expectations are paired.", "Pair");
    }

    public async Task<IActionResult> OnPostUnpairAsync(Guid id, Guid pairId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await unpair.RunAsync(id, pairId, cancellationToken);
        return Respond(outcome, _ => "The pairing is removed; both expectations stay.", "");
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await agree.RunAsync(id, Agree.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The agreed expectation is recorded.", "Agree");
    }

    public async Task<IActionResult> OnPostPilotAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await record.RunAsync(id, Review.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The pilot review is recorded. Re-evaluate each agreed expectation in it.", "Review",
            review => Redirect($"/partnerships/{id}/expectations/pilot-reviews/{review}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "expectations", cancellationToken))
        {
            return false;
        }
        View = (await show.RunAsync(id, cancellationToken))!;
        Measures = (await measures.ListAsync(id, cancellationToken))!;
        return true;
    }
}
