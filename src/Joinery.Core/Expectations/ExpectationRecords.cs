using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Measures;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Expectations;

/// <summary>How two partners' expectations relate once both lists are shown side by side.</summary>
public enum ExpectationRelation { Same, Related, Conflicting }

/// <summary>What a pilot review found for one agreed expectation.</summary>
public enum PilotResult { Met, PartlyMet, NotMet, Changed }

/// <summary>
/// One result a partner organization expects from the partnership, written without seeing the other partners' lists.
/// It may be reworded or removed until every partner has submitted and the lists are shown side by side.
/// </summary>
public sealed class ExpectationItem : IAudited, IPartnershipOwned
{
    public const int TextMax = 1000;

    /// <summary>A list holds at most this many items; expectations are few and concrete.</summary>
    public const int ListMax = 50;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public string Text { get; private set; } = "";
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A new item on an organization's list; refused once the lists are shown, and on a full list.</summary>
    public static ExpectationItem Write(Guid partnershipId, Guid organizationId, string text, int itemsInList, bool listsShown, Guid authorId, DateTimeOffset now)
    {
        Illegal.When(listsShown, "Every partner has submitted; the lists no longer change.");
        Illegal.When(itemsInList >= ListMax, $"A list holds at most {ListMax} expectations.");
        RefuseBlank(text);
        return new ExpectationItem
        {
            PartnershipId = partnershipId,
            OrganizationId = organizationId,
            Text = text,
            CreatedByUserId = authorId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Rewords the item; a submitted list may still be revised, until the lists are shown.</summary>
    public void Reword(string text, bool listsShown, DateTimeOffset now)
    {
        Illegal.When(listsShown, "Every partner has submitted; the lists no longer change.");
        RefuseBlank(text);
        Text = text;
        UpdatedAt = now;
    }

    /// <summary>
    /// Lets the item go from its list, given the list's submission (null while it is a draft) and how many
    /// items the list holds: refused once the lists are shown, or for the last item of a submitted list
    /// (a submitted list keeps at least one expectation). Removing the row is then the caller's.
    /// </summary>
    public void Withdraw(ExpectationSubmission? listSubmission, int itemsInList, bool listsShown)
    {
        Illegal.When(listSubmission is not null && (listSubmission.OrganizationId != OrganizationId || listSubmission.PartnershipId != PartnershipId),
            "That submission is another list's.");
        Illegal.When(listsShown, "Every partner has submitted; the lists no longer change.");
        Illegal.When(listSubmission is not null && itemsInList <= 1, "A submitted list keeps at least one expectation.");
    }

    private static void RefuseBlank(string text) => Illegal.When(string.IsNullOrWhiteSpace(text), "An expectation needs its text.");
}

/// <summary>A partner organization's list is submitted; once every partner's is, all lists are shown.</summary>
public sealed class ExpectationSubmission : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid SubmittedByUserId { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Submits a list: refused when it is empty or already submitted.</summary>
    public static ExpectationSubmission Submit(Guid partnershipId, Guid organizationId, int itemsInList, bool alreadySubmitted, Guid submittedBy, DateTimeOffset now)
    {
        Illegal.When(alreadySubmitted, "The list is already submitted.");
        Illegal.When(itemsInList == 0, "An empty list cannot be submitted.");
        return new ExpectationSubmission { PartnershipId = partnershipId, OrganizationId = organizationId, SubmittedByUserId = submittedBy, SubmittedAt = now };
    }
}

/// <summary>Two items of different partners that say the same, are related, or conflict.</summary>
public sealed class ExpectationPair : IAudited, IPartnershipOwned
{
    public const int NoteMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid FirstItemId { get; init; }
    public required Guid SecondItemId { get; init; }
    public ExpectationRelation Relation { get; private set; }
    public string Note { get; private set; } = "";
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Pairs two shown items: refused before the lists are shown, for one item with itself, for two
    /// items of the same partner, or for an item of another partnership.
    /// </summary>
    public static ExpectationPair Pair(ExpectationItem first, ExpectationItem second, ExpectationRelation relation, string note, bool listsShown,
        Guid pairedBy, DateTimeOffset now)
    {
        Illegal.When(!listsShown, "Items are paired once every partner has submitted its list.");
        Illegal.When(first.Id == second.Id, "An expectation cannot be paired with itself.");
        Illegal.When(first.PartnershipId != second.PartnershipId, "Both expectations must belong to the same partnership.");
        Illegal.When(first.OrganizationId == second.OrganizationId, "A pair joins expectations of two different partners.");
        return new ExpectationPair
        {
            PartnershipId = first.PartnershipId,
            FirstItemId = first.Id,
            SecondItemId = second.Id,
            Relation = relation,
            Note = note,
            CreatedByUserId = pairedBy,
            CreatedAt = now,
        };
    }
}

/// <summary>An expectation both partners agreed, with the member who owns it, the measure that shows it and when to look again.</summary>
public sealed class AgreedExpectation : IAudited, IPartnershipOwned
{
    public const int StatementMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public string Statement { get; private set; } = "";
    public Guid OwnerUserId { get; private set; }
    public Guid? MeasureId { get; private set; }
    public DateOnly? ReevaluateOn { get; private set; }
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Records an agreed expectation; refused before the lists are shown, and as <see cref="Change"/> refuses.</summary>
    public static AgreedExpectation Agree(Guid partnershipId, string statement, Guid ownerUserId, Guid? measureId, DateOnly? reevaluateOn, bool listsShown,
        Guid agreedBy, DateTimeOffset now)
    {
        Illegal.When(!listsShown, "Expectations are agreed once every partner has submitted its list.");
        var agreed = new AgreedExpectation { PartnershipId = partnershipId, CreatedByUserId = agreedBy, CreatedAt = now };
        agreed.Change(statement, ownerUserId, measureId, reevaluateOn, now);
        return agreed;
    }

    /// <summary>Changes the terms: refused without a statement or without an owner.</summary>
    public void Change(string statement, Guid ownerUserId, Guid? measureId, DateOnly? reevaluateOn, DateTimeOffset now)
    {
        Illegal.When(string.IsNullOrWhiteSpace(statement), "An agreed expectation needs its statement.");
        Illegal.When(ownerUserId == Guid.Empty, "An agreed expectation needs an owner.");
        Statement = statement;
        OwnerUserId = ownerUserId;
        MeasureId = measureId;
        ReevaluateOn = reevaluateOn;
        UpdatedAt = now;
    }

    /// <summary>
    /// The links to add and to remove so that the expectation is drawn from exactly <paramref name="itemIds"/>
    /// (given its <paramref name="current"/> links); refused when no item is left to draw from.
    /// </summary>
    public (IReadOnlyList<AgreedSource> Add, IReadOnlyList<AgreedSource> Remove) DrawFrom(IReadOnlyCollection<Guid> itemIds, IReadOnlyCollection<AgreedSource> current)
    {
        Illegal.When(itemIds.Count == 0, "An agreed expectation is drawn from at least one expectation.");
        Illegal.When(current.Any(l => l.AgreedExpectationId != Id), "These links belong to another agreed expectation.");
        var add = itemIds.Distinct().Where(i => current.All(l => l.ItemId != i))
            .Select(i => new AgreedSource { PartnershipId = PartnershipId, AgreedExpectationId = Id, ItemId = i }).ToList();
        return (add, current.Where(l => !itemIds.Contains(l.ItemId)).ToList());
    }
}

/// <summary>An item an agreed expectation was drawn from (made by <see cref="AgreedExpectation.DrawFrom"/>).</summary>
public sealed class AgreedSource : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreedExpectationId { get; init; }
    public required Guid ItemId { get; init; }
}

/// <summary>The pilot period and the review held at its end, in which each agreed expectation is re-evaluated.</summary>
public sealed class PilotReview : IAudited, IPartnershipOwned
{
    public const int SummaryMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public DateOnly PilotFrom { get; private set; }
    public DateOnly PilotTo { get; private set; }
    public DateOnly? HeldOn { get; private set; }
    public string Summary { get; private set; } = "";
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A pilot period and, once held, its review; refused as <see cref="Change"/> refuses.</summary>
    public static PilotReview Record(Guid partnershipId, DateOnly from, DateOnly to, DateOnly? heldOn, string summary, Guid recordedBy, DateTimeOffset now)
    {
        var review = new PilotReview { PartnershipId = partnershipId, CreatedByUserId = recordedBy, CreatedAt = now };
        review.Change(from, to, heldOn, summary, now);
        return review;
    }

    /// <summary>
    /// Changes the period and the review: refused when the pilot ends before it starts, when the review
    /// is held before the pilot starts or after today, and for a summary without the day it was held.
    /// </summary>
    public void Change(DateOnly from, DateOnly to, DateOnly? heldOn, string summary, DateTimeOffset now)
    {
        Illegal.When(to < from, "The pilot ends before it starts.");
        Illegal.When(heldOn < from, "The review cannot be held before the pilot starts.");
        Illegal.When(heldOn > DateOnly.FromDateTime(now.UtcDateTime), "The review cannot be held in the future.");
        Illegal.When(summary.Length > 0 && heldOn is null, "A summary needs the day the review was held.");
        PilotFrom = from;
        PilotTo = to;
        HeldOn = heldOn;
        Summary = summary;
        UpdatedAt = now;
    }
}

/// <summary>One agreed expectation re-evaluated in a pilot review, with what the partners will do in response.</summary>
public sealed class PilotEvaluation : IAudited, IPartnershipOwned
{
    public const int ResponseMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ReviewId { get; init; }
    public required Guid AgreedExpectationId { get; init; }
    public PilotResult Result { get; private set; }
    public string Response { get; private set; } = "";
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The first evaluation of an agreed expectation in a review; refused as <see cref="Correct"/> refuses.</summary>
    public static PilotEvaluation Record(PilotReview review, AgreedExpectation agreed, PilotResult result, string response, Guid recordedBy, DateTimeOffset now)
    {
        Illegal.When(review.PartnershipId != agreed.PartnershipId, "The review and the agreed expectation belong to different partnerships.");
        var evaluation = new PilotEvaluation { PartnershipId = review.PartnershipId, ReviewId = review.Id, AgreedExpectationId = agreed.Id };
        evaluation.Correct(result, response, recordedBy, now);
        return evaluation;
    }

    /// <summary>Records (again) what the review found: refused without a response unless the expectation was met.</summary>
    public void Correct(PilotResult result, string response, Guid recordedBy, DateTimeOffset now)
    {
        Illegal.When(result != PilotResult.Met && string.IsNullOrWhiteSpace(response), "Say what the partners will do when an expectation was not fully met.");
        Result = result;
        Response = response;
        RecordedByUserId = recordedBy;
        RecordedAt = now;
    }
}

/// <summary>
/// How the entities refuse an illegal move: an <see cref="InvalidOperationException"/>. The use cases
/// check the same rules first and answer with an outcome, so a refusal here is a bug, not a user's mistake.
/// </summary>
file static class Illegal
{
    public static void When(bool illegal, string message)
    {
        if (illegal)
        {
            throw new InvalidOperationException(message);
        }
    }
}

internal sealed class ExpectationsConfiguration :
    IEntityTypeConfiguration<ExpectationItem>, IEntityTypeConfiguration<ExpectationSubmission>, IEntityTypeConfiguration<ExpectationPair>,
    IEntityTypeConfiguration<AgreedExpectation>, IEntityTypeConfiguration<AgreedSource>, IEntityTypeConfiguration<PilotReview>,
    IEntityTypeConfiguration<PilotEvaluation>
{
    public void Configure(EntityTypeBuilder<ExpectationItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(ExpectationItem.TextMax);
        builder.HasIndex(i => new { i.PartnershipId, i.OrganizationId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpectationSubmission> builder)
    {
        builder.HasIndex(s => new { s.PartnershipId, s.OrganizationId }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpectationPair> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(ExpectationPair.NoteMax);
        builder.HasIndex(p => new { p.FirstItemId, p.SecondItemId }).IsUnique();
        builder.HasIndex(p => p.SecondItemId);
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(p => p.FirstItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(p => p.SecondItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreedExpectation> builder)
    {
        builder.Property(a => a.Statement).HasMaxLength(AgreedExpectation.StatementMax);
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<AgreedSource> builder)
    {
        builder.HasIndex(l => new { l.AgreedExpectationId, l.ItemId }).IsUnique();
        builder.HasIndex(l => l.ItemId);
        builder.HasIndex(l => l.PartnershipId);
        builder.HasOne<AgreedExpectation>().WithMany().HasForeignKey(l => l.AgreedExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PilotReview> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(PilotReview.SummaryMax);
        builder.HasIndex(r => r.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PilotEvaluation> builder)
    {
        builder.Property(e => e.Response).HasMaxLength(PilotEvaluation.ResponseMax);
        builder.HasIndex(e => new { e.ReviewId, e.AgreedExpectationId }).IsUnique();
        builder.HasIndex(e => e.AgreedExpectationId);
        builder.HasIndex(e => e.PartnershipId);
        builder.HasOne<PilotReview>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgreedExpectation>().WithMany().HasForeignKey(e => e.AgreedExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
