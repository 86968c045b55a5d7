using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Launch;
using Joinery.Web.Features.Launch;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Milestones;

[InNavigation(NavGroup.Operate, 1, "Milestones", "/milestones")]
public sealed class IndexModel(JoineryDb db, MilestonesWork milestones) : PartnershipPage(db)
{
    public MilestonesView View { get; private set; } = null!;

    /// <summary>The milestone whose update or celebration failed: its fields carry the ids the error summary links to.</summary>
    public Guid? FailedRow { get; private set; }

    [BindProperty]
    public MilestoneForm Input { get; set; } = new();

    [BindProperty]
    public RowForm Row { get; set; } = new();

    [BindProperty]
    public CelebrationForm Celebration { get; set; } = new();

    public string RowId(string prefix, string field, Guid rowId) => rowId == FailedRow ? $"{prefix}_{field}" : $"{prefix}_{field}_{rowId:N}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await milestones.ProposeAsync(id, cancellationToken), added => added == 0 ? "Every natural milestone is already on the list." : $"{Counting.Of(added, "milestone")} proposed.")
            : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await milestones.SaveAsync(id, null, Input.ToInput(), cancellationToken), _ => "The milestone is added.")
            : NotFound();

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid milestoneId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedRow = milestoneId;
        return Respond(await milestones.SaveAsync(id, milestoneId, new MilestoneInput(null, Row.DueOn, Row.DoneOn), cancellationToken),
            _ => "The milestone is updated.", "Row");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid milestoneId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Respond(await milestones.RemoveAsync(id, milestoneId, cancellationToken), _ => "The milestone is removed.") : NotFound();

    public async Task<IActionResult> OnPostRemoveCelebrationAsync(Guid id, Guid milestoneId, Guid celebrationId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await milestones.RemoveCelebrationAsync(id, milestoneId, celebrationId, cancellationToken), _ => "The celebration is removed.")
            : NotFound();

    public async Task<IActionResult> OnPostCelebrateAsync(Guid id, Guid milestoneId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedRow = milestoneId;
        return Respond(await milestones.CelebrateAsync(id, milestoneId, Celebration.ToInput(), cancellationToken), _ => "The celebration is recorded.", "Celebration");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "milestones", cancellationToken))
        {
            return false;
        }
        View = (await milestones.GetAsync(id, cancellationToken))!;
        return true;
    }
}
