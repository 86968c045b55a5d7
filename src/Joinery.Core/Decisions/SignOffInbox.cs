using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Decisions;

/// <summary>
/// A decision with a compromise recorded, not yet agreed or rejected, waits for an executive of each
/// partner whose organization has not signed its current version off.
/// </summary>
public sealed class SignOffInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("decision-to-sign-off", "Decisions to sign off", Urgent: true);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.Memberships.Where(m => m.Level == MemberLevel.Executive).Select(m => m.PartnershipId).ToList();
        if (partnerships.Count == 0)
        {
            return [];
        }
        var organizationId = person.OrganizationId;
        var waiting = await db.Set<Decision>()
            .Where(d => partnerships.Contains(d.PartnershipId) && (d.Status == DecisionStatus.Open || d.Status == DecisionStatus.Proposed) && d.Compromise != "")
            .Where(d => db.PartnerOrganizations.Any(p => p.PartnershipId == d.PartnershipId && p.OrganizationId == organizationId))
            .Where(d => !db.Set<DecisionSignOff>().Any(s => s.DecisionId == d.Id && s.OrganizationId == organizationId && s.Version == d.Version && s.VoidedAt == null))
            .Select(d => new { d.Id, d.PartnershipId, d.Title, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return waiting.Select(d => new InboxItem(Kind.Code, d.PartnershipId, $"Sign off the decision \"{d.Title}\"",
            $"A compromise is recorded in {person.In(d.PartnershipId).PartnershipName}; it is agreed once an executive of each partner signs it off, and your organization has not yet.",
            $"/partnerships/{d.PartnershipId}/decisions/{d.Id}", d.UpdatedAt));
    }
}
