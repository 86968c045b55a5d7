using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Mission;

/// <summary>Every member reads the published mission (step 1): it waits for each member who has not yet said they read it.</summary>
public sealed class MissionInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("mission-to-read", "Published missions to read", Urgent: false);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.PartnershipIds;
        // Only the current version counts: a newer draft means nothing is published to read.
        var published = await db.Set<MissionVersion>()
            .Where(v => partnerships.Contains(v.PartnershipId) && v.PublishedAt != null)
            .Where(v => !db.Set<MissionVersion>().Any(n => n.PartnershipId == v.PartnershipId && n.Number > v.Number))
            .Where(v => !db.Set<MissionAcknowledgement>().Any(a => a.VersionId == v.Id && a.UserId == person.UserId))
            .Select(v => new { v.PartnershipId, v.Number, PublishedAt = v.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        return published.Select(v => new InboxItem(Kind.Code, v.PartnershipId, $"Read the published mission (version {v.Number})",
            $"Every member of {person.In(v.PartnershipId).PartnershipName} reads the mission they work for.",
            $"/partnerships/{v.PartnershipId}/mission", v.PublishedAt));
    }
}
