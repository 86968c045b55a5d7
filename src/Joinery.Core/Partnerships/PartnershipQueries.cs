using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record PartnershipSummary(Guid Id, string Name, Phase Phase, IReadOnlyList<string> Partners, MemberRole? MyRole, DateTimeOffset? ArchivedAt = null);

public sealed record PartnerView(Guid OrganizationId, string Name, OrganizationKind Kind);

public sealed record MemberView(Guid Id, Guid UserId, string Name, string Email, Guid OrganizationId, string OrganizationName,
    MemberRole Role, MemberLevel Level, bool IsChampion, string ChampionFor, string ChampionDecides, DateTimeOffset JoinedAt, string JobTitle = "");

public sealed record PhaseChangeView(Phase From, Phase To, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<string> UnmetCriteria, string OverrideReason);

public sealed record OpenInvitationView(Guid Id, string Email, string OrganizationName, MemberRole Role, MemberLevel Level, DateTimeOffset ExpiresAt);

public sealed record PartnershipView(Guid Id, string Name, Phase Phase, DateTimeOffset CreatedAt, IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<MemberView> Members, IReadOnlyList<PhaseChangeView> PhaseChanges, MemberRole? MyRole, DateTimeOffset? ArchivedAt = null)
{
    public bool IsSteward => MyRole == MemberRole.Steward;

    /// <summary>Archived after a close: everything can be read, nothing changed.</summary>
    public bool IsArchived => ArchivedAt is not null;
}

/// <summary>Reads of partnerships for the pages, the API and the CLI; all within the tenancy filter.</summary>
public static class PartnershipQueries
{
    public static async Task<List<PartnershipSummary>> ListMyPartnershipsAsync(this JoineryDb db, CancellationToken cancellationToken = default)
    {
        var me = db.Tenancy.UserId;
        var rows = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Phase,
                p.ArchivedAt,
                Partners = p.Partners.Select(o => o.Organization!.Name).ToList(),
                MyRole = p.Members.Where(m => m.UserId == me).Select(m => (MemberRole?)m.Role).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PartnershipSummary(r.Id, r.Name, r.Phase, r.Partners.Order().ToList(), r.MyRole, r.ArchivedAt)).ToList();
    }

    /// <summary>
    /// A partnership with its partners, members and phase changes; null when the current person
    /// cannot see it. Every workspace page starts here, so the shared part is cached per
    /// partnership version (decision 0005) and only the caller's role is worked out per request.
    /// </summary>
    public static async Task<PartnershipView?> GetPartnershipAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            || await db.SharedViewAsync(partnershipId, nameof(PartnershipView), () => LoadPartnershipAsync(db, partnershipId, cancellationToken)) is not { } shared)
        {
            return null;
        }
        var me = db.Tenancy.UserId;
        return shared with { MyRole = shared.Members.FirstOrDefault(m => m.UserId == me)?.Role };
    }

    private static async Task<PartnershipView?> LoadPartnershipAsync(JoineryDb db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name)
            .Select(p => new PartnerView(p.OrganizationId, p.Organization!.Name, p.Organization.Kind))
            .ToListAsync(cancellationToken);
        var members = await db.ListMembersAsync(partnershipId, cancellationToken);
        var changes = await (from c in db.PhaseChanges.AsNoTracking()
                             join u in db.Users on c.ChangedByUserId equals u.Id
                             where c.PartnershipId == partnershipId
                             select new { c.From, c.To, c.ChangedAt, u.DisplayName, c.UnmetCriteria, c.OverrideReason })
            .ToListAsync(cancellationToken);
        return new PartnershipView(partnership.Id, partnership.Name, partnership.Phase, partnership.CreatedAt, partners, members,
            changes.OrderByDescending(c => c.ChangedAt)
                .Select(c => new PhaseChangeView(c.From, c.To, c.ChangedAt, c.DisplayName,
                    c.UnmetCriteria.Split(',', StringSplitOptions.RemoveEmptyEntries), c.OverrideReason))
                .ToList(),
            null, partnership.ArchivedAt);
    }

    public static async Task<List<MemberView>> ListMembersAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users on m.UserId equals u.Id
                          join o in db.Organizations on u.OrganizationId equals o.Id
                          where m.PartnershipId == partnershipId
                          select new MemberView(m.Id, u.Id, u.DisplayName, u.Email!, o.Id, o.Name, m.Role, m.Level, m.IsChampion, m.ChampionFor, m.ChampionDecides, m.JoinedAt, u.JobTitle))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(m => m.OrganizationName, StringComparer.Ordinal).ThenBy(m => m.Level).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    public static Task<List<OpenInvitationView>> ListOpenInvitationsAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var now = db.Now;
        return (from i in db.Invitations.AsNoTracking()
                join o in db.Organizations on i.OrganizationId equals o.Id
                where i.PartnershipId == partnershipId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                orderby i.Email
                select new OpenInvitationView(i.Id, i.Email, o.Name, i.Role, i.Level, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
