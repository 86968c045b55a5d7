using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

/// <summary>How operations find a partnership and the current person's place in it. The tenancy
/// filter already hides other partnerships; these answer "may this person do that here".</summary>
public static class PartnershipAccess
{
    /// <summary>The current person's membership, or null (also null when the partnership is not theirs).</summary>
    public static Task<Membership?> MyMembershipAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default) =>
        db.Tenancy.UserId is { } me
            ? db.Memberships.FirstOrDefaultAsync(m => m.PartnershipId == partnershipId && m.UserId == me, cancellationToken)
            : Task.FromResult<Membership?>(null);

    /// <summary>Stewards, and the CLI acting across partnerships, may manage members and phases.</summary>
    public static async Task<bool> CanStewardAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default) =>
        db.Tenancy.Unrestricted || (await db.MyMembershipAsync(partnershipId, cancellationToken))?.Role == MemberRole.Steward;

    /// <summary>
    /// The partner organizations whose people the current person may invite, change and remove: a
    /// steward manages their own organization's people, and those of a partner with no steward in the
    /// partnership yet (someone has to invite its first one); the CLI manages everyone.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> PeopleIManageAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        if (db.Tenancy.Unrestricted)
        {
            return partners.ToHashSet();
        }
        if ((await db.MyMembershipAsync(partnershipId, cancellationToken))?.Role != MemberRole.Steward)
        {
            return new HashSet<Guid>();
        }
        var stewarded = await (from m in db.Memberships
                               where m.PartnershipId == partnershipId && m.Role == MemberRole.Steward
                               join u in db.Users on m.UserId equals u.Id
                               select u.OrganizationId).Distinct().ToListAsync(cancellationToken);
        return partners.Where(o => o == db.Tenancy.OrganizationId || !stewarded.Contains(o)).ToHashSet();
    }

    /// <summary>
    /// 404 when the partnership is not the current person's to see, else null: the first check of an
    /// operation, before what the person may do (403) and before the record named exists (404).
    /// </summary>
    public static async Task<Outcome<Guid>?> RefuseUnseenAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default) =>
        await db.CanSeePartnershipAsync(partnershipId, cancellationToken) ? null : Outcome<Guid>.NotFound("No such partnership.");

    /// <summary>
    /// Whether the current person may add to a partnership's records: 404 when the partnership is
    /// not theirs to see, 403 for viewers (with <paramref name="viewerMessage"/>), null when they may.
    /// The CLI, acting across partnerships, may.
    /// </summary>
    public static async Task<Outcome<Guid>?> RefuseWriteAsync(this JoineryDb db, Guid partnershipId, string viewerMessage, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (db.Tenancy.Unrestricted)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        return me is null || me.Role == MemberRole.Viewer ? Outcome<Guid>.Forbidden(viewerMessage) : null;
    }

    /// <summary>Whether the partnership has been archived (and so is read-only; see <see cref="PartnershipArchivedException"/>).</summary>
    public static Task<bool> IsArchivedAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default) =>
        db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.ArchivedAt != null, cancellationToken);

    /// <summary>Finds a partnership by id or exact name, within what the tenancy allows.</summary>
    public static async Task<Partnership?> FindPartnershipAsync(this JoineryDb db, string? nameOrId, CancellationToken cancellationToken = default)
    {
        var key = (nameOrId ?? "").Trim();
        if (key.Length == 0)
        {
            return null;
        }
        return Guid.TryParse(key, out var id)
            ? await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await db.Partnerships.FirstOrDefaultAsync(p => p.Name == key, cancellationToken);
    }

    /// <summary>The user id in <paramref name="text"/> when it names a member of the partnership (an owner, an assignee); otherwise null.</summary>
    public static async Task<Guid?> MemberIdAsync(this JoineryDb db, Guid partnershipId, string? text, CancellationToken cancellationToken = default) =>
        Guid.TryParse(text, out var userId) && await db.Memberships.AnyAsync(m => m.PartnershipId == partnershipId && m.UserId == userId, cancellationToken)
            ? userId
            : null;
}
