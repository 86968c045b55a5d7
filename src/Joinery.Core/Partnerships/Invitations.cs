using System.Security.Cryptography;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record InvitationInput(string? Email, string? Organization, string? Role, string? Level);

public sealed record NewInvitation(Guid Id, string Secret, DateTimeOffset ExpiresAt);

public sealed record InvitationView(Guid Id, Guid PartnershipId, string PartnershipName, string Email, Guid OrganizationId, string OrganizationName,
    MemberRole Role, MemberLevel Level, DateTimeOffset ExpiresAt, bool AccountExists);

public sealed record AcceptInput(string? Name, string? Password);

public sealed record Accepted(Guid UserId, Guid PartnershipId, bool NewAccount);

/// <summary>
/// A steward invites someone by email to a role. The invitee gets a one-time link (its secret is
/// shown once and stored only as a hash) that sets their password, or adds the partnership to
/// their existing account once they sign in.
/// </summary>
public sealed class Invitations(JoineryDb db, CreateUser createUser)
{
    public async Task<Outcome<NewInvitation>> InviteAsync(Guid partnershipId, InvitationInput input, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Partnerships.Include(p => p.Partners).FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return Outcome<NewInvitation>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken) || db.Tenancy.UserId is null)
        {
            return Outcome<NewInvitation>.Forbidden("Only stewards can invite people.");
        }
        var check = new Validation();
        var email = check.Email("email", input.Email);
        var role = check.Choice<MemberRole>("role", "a role", input.Role);
        var level = check.Choice<MemberLevel>("level", "a level", input.Level);
        Guid? organizationId = Guid.TryParse(input.Organization, out var parsed) && partnership.Partners.Any(p => p.OrganizationId == parsed) ? parsed : null;
        if (organizationId is null)
        {
            check.Add("organization", "Choose which partner organization the person belongs to.");
        }
        if (!check.IsValid)
        {
            return Outcome<NewInvitation>.Invalid(check.Errors);
        }
        if (!(await db.PeopleIManageAsync(partnershipId, cancellationToken)).Contains(organizationId!.Value))
        {
            return Outcome<NewInvitation>.Forbidden(ManageMember.OtherPartnersPeople);
        }
        var existing = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (existing is not null)
        {
            if (existing.OrganizationId != organizationId)
            {
                return Outcome<NewInvitation>.Invalid("organization", $"{email} already has an account with another organization.");
            }
            if (await db.Memberships.AnyAsync(m => m.PartnershipId == partnershipId && m.UserId == existing.Id, cancellationToken))
            {
                return Outcome<NewInvitation>.Conflict("email", $"{email} is already a member.");
            }
        }
        var now = db.Now;
        foreach (var open in await db.Invitations.Where(i => i.PartnershipId == partnershipId && i.Email == email && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            open.RevokedAt = now;
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var invitation = new Invitation
        {
            PartnershipId = partnershipId,
            Email = email,
            OrganizationId = organizationId!.Value,
            Role = role!.Value,
            Level = level!.Value,
            TokenHash = PersonalAccessToken.Hash(secret),
            InvitedByUserId = db.Tenancy.UserId.Value,
            CreatedAt = now,
            ExpiresAt = now.Add(Invitation.Lifetime),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NewInvitation>.Ok(new NewInvitation(invitation.Id, secret, invitation.ExpiresAt));
    }

    public async Task<Outcome<Guid>> RevokeAsync(Guid partnershipId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.PartnershipId == partnershipId, cancellationToken);
        if (invitation is null)
        {
            return Outcome<Guid>.NotFound("No such invitation.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only stewards can withdraw invitations.");
        }
        invitation.RevokedAt ??= db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(invitation.Id);
    }

    /// <summary>Reads an open invitation by its secret. The invitee is not yet a member, so this looks past the tenancy filter, by secret only.</summary>
    public async Task<InvitationView?> FindOpenAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var invitation = await FindEntityAsync(secret, cancellationToken);
        if (invitation is null)
        {
            return null;
        }
        var partnership = await db.Partnerships.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == invitation.PartnershipId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == invitation.OrganizationId, cancellationToken);
        var accountExists = await db.Users.AnyAsync(u => u.Email == invitation.Email, cancellationToken);
        return new InvitationView(invitation.Id, partnership.Id, partnership.Name, invitation.Email, organization.Id, organization.Name,
            invitation.Role, invitation.Level, invitation.ExpiresAt, accountExists);
    }

    public async Task<Outcome<Accepted>> AcceptAsync(string? secret, AcceptInput input, CancellationToken cancellationToken = default)
    {
        var invitation = await FindEntityAsync(secret, cancellationToken);
        if (invitation is null)
        {
            return Outcome<Accepted>.NotFound("This invitation link is not valid any more. Ask the steward for a new one.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == invitation.Email, cancellationToken);
        var newAccount = user is null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (user is null)
        {
            var check = new Validation();
            var name = check.Text("name", "your name", input.Name, User.NameMax);
            if (string.IsNullOrEmpty(input.Password))
            {
                check.Add("password", "Choose a password.");
            }
            if (!check.IsValid)
            {
                return Outcome<Accepted>.Invalid(check.Errors);
            }
            var created = await createUser.CreateAsync(invitation.Email, name, invitation.OrganizationId, input.Password!, isSiteAdmin: false, jobTitle: "", cancellationToken);
            if (!created.Succeeded)
            {
                return created.As<Accepted>();
            }
            user = await db.Users.FirstAsync(u => u.Id == created.Value, cancellationToken);
        }
        else if (db.Tenancy.UserId != user.Id)
        {
            return Outcome<Accepted>.Forbidden($"Sign in as {invitation.Email} to accept this invitation.");
        }
        await db.JoinAsync(invitation, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Accepted>.Ok(new Accepted(user.Id, invitation.PartnershipId, newAccount));
    }

    private async Task<Invitation?> FindEntityAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = PersonalAccessToken.Hash(secret);
        var invitation = await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpen(db.Now) ? invitation : null;
    }
}

internal static class InvitationJoining
{
    /// <summary>The invitee becomes a member with the invited role and level, and the invitation is used up.</summary>
    public static async Task JoinAsync(this JoineryDb db, Invitation invitation, User user, CancellationToken cancellationToken)
    {
        db.Tenancy.Grant(invitation.PartnershipId);
        if (!await db.Memberships.AnyAsync(m => m.PartnershipId == invitation.PartnershipId && m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(new Membership
            {
                PartnershipId = invitation.PartnershipId,
                UserId = user.Id,
                Role = invitation.Role,
                Level = invitation.Level,
                JoinedAt = db.Now,
            });
        }
        invitation.AcceptedAt = db.Now;
        db.Audit("invitation.accepted", "invitation", invitation.Id.ToString(), invitation.PartnershipId, userId: user.Id, organizationId: user.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
