using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record MyInvitation(Guid Id, Guid PartnershipId, string PartnershipName, string OrganizationName, MemberRole Role, MemberLevel Level,
    DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// The open invitations addressed to the signed-in person's e-mail. They are not a member yet, so this
/// looks past the tenancy filter, by their own address only.
/// </summary>
public sealed class ShowMyInvitations(JoineryDb db)
{
    public async Task<IReadOnlyList<MyInvitation>> RunAsync(CancellationToken cancellationToken = default)
    {
        if (db.Tenancy.UserId is not { } me || await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) is not { } email)
        {
            return [];
        }
        var now = db.Now;
        return await (from i in db.Invitations.IgnoreQueryFilters()
                      where i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                      join p in db.Partnerships.IgnoreQueryFilters() on i.PartnershipId equals p.Id
                      where p.ArchivedAt == null
                      join o in db.Organizations on i.OrganizationId equals o.Id
                      orderby i.CreatedAt
                      select new MyInvitation(i.Id, p.Id, p.Name, o.Name, i.Role, i.Level, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A signed-in person accepts an invitation addressed to their own e-mail, without the link (from the inbox).</summary>
public sealed class AcceptMyInvitation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        var user = db.Tenancy.UserId is { } me ? await db.Users.FirstOrDefaultAsync(u => u.Id == me, cancellationToken) : null;
        var invitation = await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        // Someone else's invitation is as unknown as one that does not exist.
        if (user is null || invitation is null || !string.Equals(invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<Guid>.NotFound("No such invitation.");
        }
        if (!invitation.IsOpen(db.Now) || user.OrganizationId != invitation.OrganizationId)
        {
            return Outcome<Guid>.Conflict("invitation", "This invitation is not open any more. Ask a steward of the partnership for a new one.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.JoinAsync(invitation, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(invitation.PartnershipId);
    }
}

/// <summary>An open invitation waits for the person it is addressed to, until they accept it or it lapses.</summary>
public sealed class InvitationInbox(ShowMyInvitations invitations) : IInboxContribution
{
    public InboxKind Kind { get; } = new("invitation", "Invitations to join a partnership", Urgent: true);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken) =>
        (await invitations.RunAsync(cancellationToken)).Select(i => new InboxItem(Kind.Code, i.PartnershipId, $"Join {i.PartnershipName}",
            $"A steward invited you as a {i.Role.LowerWords()} at {i.Level.LowerWords()} level, for {i.OrganizationName}; the invitation is open until {ShownDates.Of(i.ExpiresAt)}.",
            "/account/invitations", i.InvitedAt));
}
