using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Launch;

[InNavigation(NavGroup.PrepareAndPilot, 1, "Launch", "/launch")]
public sealed class IndexModel(JoineryDb db, LaunchWork launch) : PartnershipPage(db)
{
    public LaunchView View { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members => Partnership.Members;

    /// <summary>The row whose update failed: its fields carry the ids the error summary links to.</summary>
    public Guid? FailedRow { get; private set; }

    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    [BindProperty]
    public TrainingForm Training { get; set; } = new();

    [BindProperty]
    public SourceForm Source { get; set; } = new();

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public RowForm Row { get; set; } = new();

    /// <summary>True when a form of this prefix was refused, so its disclosure opens again with the messages.</summary>
    public bool Refused(string prefix) => ModelState.Any(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    public string RowId(string field, Guid rowId) => rowId == FailedRow ? $"Row_{field}" : $"Row_{field}_{rowId:N}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Schedule = ScheduleForm.From(View);
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.ScheduleAsync(id, Schedule.ToInput(), cancellationToken), _ => "The start date and the pilot period are saved.", "Schedule")
            : NotFound();

    public async Task<IActionResult> OnPostStarterAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.AddStarterSetAsync(id, cancellationToken), added => added == 0
                ? "The checklist already has every standard item."
                : $"{Counting.Of(added, "standard item")} added. Give each an owner and a due date.")
            : NotFound();

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.SaveItemAsync(id, null, Item.ToInput(), cancellationToken), _ => "The item is added to the checklist.", "Item")
            : NotFound();

    public async Task<IActionResult> OnPostUpdateItemAsync(Guid id, Guid checklistItemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedRow = checklistItemId;
        return Respond(await launch.SaveItemAsync(id, checklistItemId, new ChecklistItemInput(null, null, Row.Owner, Row.DueOn, Row.DoneOn), cancellationToken),
            _ => "The checklist item is updated.", "Row");
    }

    public async Task<IActionResult> OnPostTrainingAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.SaveTrainingAsync(id, null, Training.ToInput(), cancellationToken), _ => "The course is added to the roster.", "Training")
            : NotFound();

    public async Task<IActionResult> OnPostUpdateTrainingAsync(Guid id, Guid trainingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedRow = trainingId;
        return Respond(await launch.SaveTrainingAsync(id, trainingId, new TrainingInput(null, null, null, Row.DueOn, Row.DoneOn), cancellationToken),
            _ => "The course is updated.", "Row");
    }

    public async Task<IActionResult> OnPostSourceAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.SaveSourceAsync(id, null, Source.ToInput(), cancellationToken), _ => "The referral source is added.", "Source")
            : NotFound();

    public async Task<IActionResult> OnPostUpdateSourceAsync(Guid id, Guid sourceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedRow = sourceId;
        return Respond(await launch.SaveSourceAsync(id, sourceId, new ReferralSourceInput(null, null, null, Row.DoneOn), cancellationToken),
            _ => "The referral source is updated.", "Row");
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid checklistItemId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Respond(await launch.RemoveItemAsync(id, checklistItemId, cancellationToken), _ => "The item is removed from the checklist.") : NotFound();

    public async Task<IActionResult> OnPostRemoveTrainingAsync(Guid id, Guid trainingId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Respond(await launch.RemoveTrainingAsync(id, trainingId, cancellationToken), _ => "The course is removed from the roster.") : NotFound();

    public async Task<IActionResult> OnPostRemoveSourceAsync(Guid id, Guid sourceId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Respond(await launch.RemoveSourceAsync(id, sourceId, cancellationToken), _ => "The referral source is removed.") : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await launch.DecideAsync(id, new GoInput(Decision.Decision, Decision.Note), cancellationToken),
                go => go ? "Your organization's go is recorded." : "Your organization's no-go is recorded.", "Decision")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "launch", cancellationToken))
        {
            return false;
        }
        View = (await launch.GetAsync(id, cancellationToken))!;
        return true;
    }
}
