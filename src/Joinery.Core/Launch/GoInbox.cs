using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Launch;

/// <summary>
/// In the Prepare phase the go/no-go waits for an executive of each partner whose organization has not
/// decided, or decided before the readiness checklist last changed (that decision no longer counts).
/// </summary>
public sealed class GoInbox(JoineryDb db, LaunchWork launch) : IInboxContribution
{
    public InboxKind Kind { get; } = new("go-no-go", "Go/no-go decisions", Urgent: true);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var executive = person.Memberships.Where(m => m.Level == MemberLevel.Executive).Select(m => m.PartnershipId).ToList();
        var preparing = await db.Partnerships.Where(p => executive.Contains(p.Id) && p.Phase == Phase.Prepare)
            .Select(p => new { p.Id, p.CreatedAt }).ToListAsync(cancellationToken);
        var items = new List<InboxItem>();
        foreach (var partnership in preparing)
        {
            if (await launch.GetAsync(partnership.Id, cancellationToken) is not { } view
                || view.Decisions.FirstOrDefault(d => d.OrganizationId == person.OrganizationId) is not { } mine
                || mine is { Go: not null, BeforeChange: false })
            {
                continue;
            }
            var name = person.In(partnership.Id).PartnershipName;
            items.Add(new InboxItem(Kind.Code, partnership.Id, "Give your organization's go or no-go",
                mine.Go is null
                    ? $"An executive of each partner of {name} decides whether the launch goes ahead; your organization has not decided yet."
                    : $"The readiness checklist of {name} changed after your organization decided; its decision needs to be given again.",
                $"/partnerships/{partnership.Id}/launch", view.ChecklistChangedAt ?? partnership.CreatedAt));
        }
        return items;
    }
}
