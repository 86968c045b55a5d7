using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Feedback;

/// <summary>New feedback waits for the stewards until one of them acknowledges or answers it.</summary>
public sealed class AnswerInbox(JoineryDb db) : IInboxContribution
{
    public InboxKind Kind { get; } = new("feedback-to-answer", "Feedback to answer", Urgent: false);

    public async Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken)
    {
        var partnerships = person.Memberships.Where(m => m.Role == MemberRole.Steward).Select(m => m.PartnershipId).ToList();
        if (partnerships.Count == 0)
        {
            return [];
        }
        var waiting = await db.Set<FeedbackItem>()
            .Where(f => partnerships.Contains(f.PartnershipId) && f.Status == FeedbackStatus.New)
            .Select(f => new { f.Id, f.PartnershipId, f.Kind, f.Title, f.PostedAt })
            .ToListAsync(cancellationToken);
        return waiting.Select(f => new InboxItem(Kind.Code, f.PartnershipId, $"Answer the {Noun(f.Kind)} \"{f.Title}\"",
            $"You are a steward of {person.In(f.PartnershipId).PartnershipName}; new feedback waits until a steward acknowledges or answers it.",
            $"/partnerships/{f.PartnershipId}/feedback/{f.Id}", f.PostedAt));
    }

    private static string Noun(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Idea => "idea",
        FeedbackKind.Positive => "praise",
        _ => "concern",
    };
}
