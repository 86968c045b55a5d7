using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Meetings;

/// <summary>An open action item waits for its owner until it is done (or dropped).</summary>
public sealed class ActionsInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("action-item", "Your action items", Urgent: false);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.PartnershipIds;
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var open = await db.Set<ActionItem>()
            .Where(a => partnerships.Contains(a.PartnershipId) && a.OwnerUserId == person.UserId
                && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .Select(a => new { a.PartnershipId, a.Title, a.DueDate, a.CreatedAt })
            .ToListAsync(cancellationToken);
        return open.Select(a => new InboxItem(Kind.Code, a.PartnershipId, a.Title,
            $"You own this action item of {person.In(a.PartnershipId).PartnershipName}; it is due {ShownDates.Of(a.DueDate)}"
            + (a.DueDate < today ? " and overdue." : "."),
            $"/partnerships/{a.PartnershipId}/actions?mine=true", a.CreatedAt));
    }
}
