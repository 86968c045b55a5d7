using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>
/// An agreement in review waits for the partnership's stewards and planners while elements of its
/// checklist are not yet ticked: they are what the partners must settle before it is signed.
/// </summary>
public sealed class ChecklistInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("checklist-to-review", "Agreement checklists to review", Urgent: false);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.Memberships.Where(m => m.Role is MemberRole.Steward or MemberRole.Planner).Select(m => m.PartnershipId).ToList();
        if (partnerships.Count == 0)
        {
            return [];
        }
        var inReview = await db.Set<Agreement>()
            .Where(a => partnerships.Contains(a.PartnershipId) && a.Status == AgreementStatus.InReview)
            .Select(a => new
            {
                a.Id,
                a.PartnershipId,
                a.Title,
                a.Type,
                a.UpdatedAt,
                Ticked = db.Set<AgreementElementCheck>().Where(c => c.AgreementId == a.Id && c.Done).Select(c => c.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        return inReview
            .Select(a => (a, Open: AgreementChecklists.For(a.Type).Count(e => !a.Ticked.Contains(e.Code))))
            .Where(x => x.Open > 0)
            .Select(x => new InboxItem(Kind.Code, x.a.PartnershipId, $"Review the checklist of \"{x.a.Title}\"",
                $"The agreement is in review in {person.In(x.a.PartnershipId).PartnershipName} and {Elements(x.Open)} of its checklist "
                + (x.Open == 1 ? "is" : "are") + " not yet ticked; stewards and planners settle them before it is signed.",
                $"/partnerships/{x.a.PartnershipId}/agreements/{x.a.Id}", x.a.UpdatedAt));
    }

    private static string Elements(int count) => count == 1 ? "1 element" : $"{count} elements";
}
