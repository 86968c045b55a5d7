using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Mission;

[InNavigation(NavGroup.Plan, 1, "Mission", "/mission", Step = 1)]
public sealed class IndexModel(JoineryDb db, MissionWork mission) : PartnershipPage(db)
{
    public MissionView View { get; private set; } = null!;
    public bool CanRecordCommunication => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty]
    public DraftForm Draft { get; set; } = new();

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public CommunicationForm Communicated { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Draft = new DraftForm { Vision = View.Current?.Vision, Mission = View.Current?.Mission };
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellationToken) =>
        HandleAsync(id, () => mission.SaveDraftAsync(id, new MissionDraft(Draft.Vision, Draft.Mission, Draft.ChangeNote), cancellationToken),
            saved => saved.Voided > 0
                ? $"Saved as version {saved.Number}. The change voided {Counting.Of(saved.Voided, "endorsement")}; each partner needs to endorse again."
                : $"Saved as version {saved.Number}.", nameof(Draft), cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken cancellationToken) =>
        HandleAsync(id, () => mission.CommentAsync(id, CommentText, cancellationToken), _ => "Your comment was added.", nameof(CommentText), cancellationToken);

    /// <summary>An endorsement commits the organization: it is given only with the text in view and confirmed.</summary>
    public Task<IActionResult> OnPostEndorseAsync(Guid id, bool confirm, CancellationToken cancellationToken) =>
        HandleAsync(id, () => confirm
                ? mission.EndorseAsync(id, cancellationToken)
                : Task.FromResult(Outcome<bool>.Invalid("confirm-endorse", "Tick the box to confirm that you have read this version and your organization endorses it.")),
            published => published ? "Endorsed. Every partner has now endorsed it: the mission is published." : "Endorsed for your organization.", "", cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken) =>
        HandleAsync(id, () => mission.AcknowledgeAsync(id, cancellationToken), _ => "Thank you for reading it.", "", cancellationToken);

    public Task<IActionResult> OnPostCommunicateAsync(Guid id, CancellationToken cancellationToken) =>
        HandleAsync(id, () => mission.RecordCommunicationAsync(id,
            new Communication(Communicated.Channel, Communicated.On, Communicated.Audience, Communicated.Note), cancellationToken),
            _ => "The communication was recorded.", nameof(Communicated), cancellationToken);

    private async Task<IActionResult> HandleAsync<T>(Guid id, Func<Task<Outcome<T>>> run, Func<T, string> done, string prefix, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await run();
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = done(outcome.Value!);
                return RedirectToPage(new { from = (int?)null });
            case OutcomeStatus.Forbidden:
                return Forbid();
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                if (prefix == nameof(CommentText))
                {
                    ModelState.AddModelError(nameof(CommentText), outcome.FirstError);
                }
                else
                {
                    ModelState.AddOutcome(outcome, prefix);
                }
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "mission", cancellationToken))
        {
            return false;
        }
        View = (await mission.GetAsync(id, From, cancellationToken))!;
        return true;
    }

    public sealed class DraftForm
    {
        public string? Vision { get; set; }
        public string? Mission { get; set; }
        public string? ChangeNote { get; set; }
    }

    public sealed class CommunicationForm
    {
        public string? Channel { get; set; }
        public string? On { get; set; }
        public string? Audience { get; set; }
        public string? Note { get; set; }
    }
}
