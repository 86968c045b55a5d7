using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

/// <summary>A partner organization of a partnership.</summary>
public sealed record Partner(Guid Id, string Name);

/// <summary>A member as the roadmap and health contributions see them: no names, only what they count.</summary>
public sealed record MemberFact(Guid UserId, Guid OrganizationId, MemberLevel Level, bool IsChampion);

/// <summary>
/// What every feature's roadmap and health contribution needs to know about a partnership, read once
/// per computation: its phase, partners (by name), members, age and today's date on the app's clock.
/// </summary>
public sealed record PartnershipFacts(Guid Id, Phase Phase, bool Archived, DateTimeOffset CreatedAt, DateOnly Today,
    IReadOnlyList<Partner> Partners, IReadOnlyList<MemberFact> Members)
{
    /// <summary>The partnership's pages start here; signals link below it.</summary>
    public string Path => $"/partnerships/{Id}";

    /// <summary>Before services run day to day; start-up warnings (training, announcements, go/no-go) apply only then, never once operating or closing.</summary>
    public bool StartingUp => Phase < Phase.Operate;

    /// <summary>The partners are ending it: signs about building the partnership (a mission to write, expectations to agree) no longer apply.</summary>
    public bool Closing => Phase == Phase.Close;
}

public static class PartnershipFactsQuery
{
    /// <summary>The facts of a partnership the current person can see, or null.</summary>
    public static async Task<PartnershipFacts?> FactsAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId)
            .Select(p => new { p.CreatedAt, p.Phase, p.ArchivedAt }).FirstOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new Partner(p.OrganizationId, p.Organization!.Name)).ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new MemberFact(m.UserId, m.User!.OrganizationId, m.Level, m.IsChampion)).ToListAsync(cancellationToken);
        return new PartnershipFacts(partnershipId, partnership.Phase, partnership.ArchivedAt is not null, partnership.CreatedAt,
            DateOnly.FromDateTime(db.Now.UtcDateTime), partners, members);
    }
}
