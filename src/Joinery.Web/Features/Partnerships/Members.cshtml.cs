using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Partnerships;

[InNavigation(NavGroup.People, 1, "Members", "/members")]
public sealed class MembersModel(JoineryDb db, Invitations invitations, ManageMember manage, InvitationMailer mailer, PublicUrl publicUrl) : PartnershipPage(db)
{
    public List<OpenInvitationView> OpenInvitations { get; private set; } = [];

    /// <summary>The partner organizations whose people the signed-in steward manages (their own, and any without a steward yet).</summary>
    public IReadOnlySet<Guid> Manages { get; private set; } = new HashSet<Guid>();

    /// <summary>The member whose change was refused: their change form is shown open.</summary>
    public Guid? RefusedMembershipId { get; private set; }

    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    [BindProperty]
    public ChangeForm Change { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await invitations.InviteAsync(id, new InvitationInput(Invite.Email, Invite.Organization, Invite.Role, Invite.Level), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome, "Invite");
        }
        var link = publicUrl.Link($"account/invitation?token={outcome.Value!.Secret}");
        TempData["InvitationLink"] = link;
        TempData["InvitationMailed"] = await mailer.SendAsync(Invite.Email!.Trim(), Partnership.Name, link, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, Guid membershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await manage.ChangeAsync(id, membershipId, new MemberChange(Change.Role, Change.Level, Change.IsChampion, Change.ChampionFor, Change.ChampionDecides), cancellationToken);
        if (!outcome.Succeeded)
        {
            return RefuseChange(outcome, membershipId);
        }
        TempData["Status"] = "The member was updated.";
        return RedirectToPage();
    }

    /// <summary>Removing someone who left takes access away, so it stays open on an archived partnership.</summary>
    [OpenWhenArchived]
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid membershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await manage.RemoveAsync(id, membershipId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return RefuseChange(outcome, membershipId);
        }
        TempData["Status"] = "The member was removed from the partnership.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await invitations.RevokeAsync(id, invitationId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome, "Invite");
        }
        TempData["Status"] = "The invitation was withdrawn; its link no longer works.";
        return RedirectToPage();
    }

    private IActionResult Refuse<T>(Outcome<T> outcome, string prefix) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(),
        OutcomeStatus.Forbidden => Forbid(),
        _ => AddErrorsAndShow(outcome, prefix),
    };

    /// <summary>Each member has their own change form, so the messages link to that member's fields.</summary>
    private IActionResult RefuseChange(Outcome<Guid> outcome, Guid membershipId)
    {
        if (outcome.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden)
        {
            return Refuse(outcome, "Change");
        }
        foreach (var (field, messages) in outcome.Errors)
        {
            var key = field switch
            {
                "level" => $"level-{membershipId}",
                "championFor" => $"champion-for-{membershipId}",
                "championDecides" => $"champion-decides-{membershipId}",
                _ => $"role-{membershipId}",
            };
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        RefusedMembershipId = membershipId;
        return Page();
    }

    private PageResult AddErrorsAndShow<T>(Outcome<T> outcome, string prefix)
    {
        ModelState.AddOutcome(outcome, prefix);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "members", cancellationToken))
        {
            return false;
        }
        if (Partnership.IsSteward)
        {
            OpenInvitations = await Db.ListOpenInvitationsAsync(id, cancellationToken);
            Manages = await Db.PeopleIManageAsync(id, cancellationToken);
        }
        return true;
    }

    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? Organization { get; set; }
        public string? Role { get; set; }
        public string? Level { get; set; }
    }

    public sealed class ChangeForm
    {
        public string? Role { get; set; }
        public string? Level { get; set; }
        public bool IsChampion { get; set; }
        public string? ChampionFor { get; set; }
        public string? ChampionDecides { get; set; }
    }
}
