using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Trust;

/// <summary>An open pulse round waits for each member who has not answered it yet.</summary>
public sealed class PulseInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("pulse-to-answer", "Pulse surveys to answer", Urgent: false);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.PartnershipIds;
        var open = await db.Set<PulseRound>()
            .Where(r => partnerships.Contains(r.PartnershipId) && r.ClosedAt == null)
            .Where(r => !db.Set<PulseParticipation>().Any(p => p.RoundId == r.Id && p.UserId == person.UserId))
            .Select(r => new { r.Id, r.PartnershipId, r.Number, r.OpenedAt })
            .ToListAsync(cancellationToken);
        return open.Select(r => new InboxItem(Kind.Code, r.PartnershipId, $"Answer pulse round {r.Number}",
            $"Round {r.Number} of {person.In(r.PartnershipId).PartnershipName}'s trust pulse is open and you have not answered yet; answers are anonymous.",
            $"/partnerships/{r.PartnershipId}/pulse/{r.Id}", r.OpenedAt));
    }
}
