using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Mission;

/// <summary>A mission version not yet published waits for an executive of each partner whose organization has not endorsed it.</summary>
public sealed class EndorsementInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("mission-to-endorse", "Mission drafts to endorse", Urgent: true);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.Memberships.Where(m => m.Level == MemberLevel.Executive).Select(m => m.PartnershipId).ToList();
        if (partnerships.Count == 0)
        {
            return [];
        }
        var organizationId = person.OrganizationId;
        var waiting = await db.Set<MissionVersion>()
            .Where(v => partnerships.Contains(v.PartnershipId) && v.PublishedAt == null)
            .Where(v => !db.Set<MissionVersion>().Any(n => n.PartnershipId == v.PartnershipId && n.Number > v.Number))
            .Where(v => db.PartnerOrganizations.Any(p => p.PartnershipId == v.PartnershipId && p.OrganizationId == organizationId))
            .Where(v => !db.Set<MissionEndorsement>().Any(e => e.VersionId == v.Id && e.OrganizationId == organizationId && e.VoidedAt == null))
            .Select(v => new { v.PartnershipId, v.Number, v.CreatedAt })
            .ToListAsync(cancellationToken);
        return waiting.Select(v => new InboxItem(Kind.Code, v.PartnershipId, $"Endorse the mission (version {v.Number})",
            $"An executive of each partner of {person.In(v.PartnershipId).PartnershipName} endorses the mission before it is published; your organization has not yet.",
            $"/partnerships/{v.PartnershipId}/mission", v.CreatedAt));
    }
}
