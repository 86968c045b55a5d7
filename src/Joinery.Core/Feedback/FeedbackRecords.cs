using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Feedback;

public enum FeedbackKind { Positive, Negative, Idea }

/// <summary>Where an item stands. Won't do needs a reason; done needs a public answer saying what was done.</summary>
public enum FeedbackStatus { New, Acknowledged, InProgress, Done, WontDo }

public static class FeedbackLabels
{
    /// <summary>"Won't do" rather than the enum's "Wont do".</summary>
    public static string Label(this FeedbackStatus status) => status == FeedbackStatus.WontDo ? "Won't do" : status.Words();

    public static bool IsClosed(this FeedbackStatus status) => status is FeedbackStatus.Done or FeedbackStatus.WontDo;
}

/// <summary>
/// A piece of positive or negative feedback, or an idea, from any member. An anonymous item has no
/// author at all: no person, organization or level is stored with it, it keeps only the day it was
/// posted, its id is random, and its creation is not audited (<see cref="IAnonymousCreation"/>), so
/// nothing Joinery keeps ties it to its writer by name, time or order (decision 0004).
/// </summary>
public sealed class FeedbackItem : IAnonymousCreation, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int BodyMax = 4000;
    public const int AnswerMax = 4000;

    /// <summary>Random (Guid v4): a time-ordered id would say when an anonymous item was posted.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required FeedbackKind Kind { get; init; }
    public required string Title { get; init; }
    public string Body { get; init; } = "";

    /// <summary>The writer, with their organization and level at the time; all three are null for an anonymous item.</summary>
    public Guid? AuthorUserId { get; private init; }
    public Guid? AuthorOrganizationId { get; private init; }
    public MemberLevel? AuthorLevel { get; private init; }

    /// <summary>An item without an author is anonymous; there is no other record of who wrote it.</summary>
    public bool IsAnonymous => AuthorUserId is null;

    public FeedbackStatus Status { get; set; } = FeedbackStatus.New;
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>The public answer, written by a steward or an executive; empty until answered.</summary>
    public string Answer { get; set; } = "";
    public Guid? AnsweredByUserId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When a named item was posted; for an anonymous one, midnight UTC of that day only.</summary>
    public DateTimeOffset PostedAt { get; init; }

    /// <summary>
    /// A named item carries its writer; pass null for an anonymous one, which keeps only the day:
    /// the moment would line up with the writer's sign-in. Waiting times are counted in days anyway.
    /// </summary>
    public static FeedbackItem Post(Guid partnershipId, FeedbackKind kind, string title, string body, DateTimeOffset at,
        (Guid UserId, Guid OrganizationId, MemberLevel Level)? author)
    {
        var posted = author is null ? new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero) : at;
        return new()
        {
            PartnershipId = partnershipId,
            Kind = kind,
            Title = title,
            Body = body,
            AuthorUserId = author?.UserId,
            AuthorOrganizationId = author?.OrganizationId,
            AuthorLevel = author?.Level,
            PostedAt = posted,
            StatusChangedAt = posted,
        };
    }
}

/// <summary>One move of an item's status, by whom and why; the history everyone can read.</summary>
public sealed class FeedbackStatusChange : IAudited, IPartnershipOwned
{
    public const int ReasonMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ItemId { get; init; }
    public required FeedbackStatus FromStatus { get; init; }
    public required FeedbackStatus ToStatus { get; init; }
    public string Reason { get; init; } = "";
    public required Guid ChangedByUserId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>"Me too": one per member and item. Only the count is shown.</summary>
public sealed class FeedbackSupport : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid UserId { get; init; }
    public DateTimeOffset SupportedAt { get; init; }
}

internal sealed class FeedbackConfiguration :
    IEntityTypeConfiguration<FeedbackItem>, IEntityTypeConfiguration<FeedbackStatusChange>, IEntityTypeConfiguration<FeedbackSupport>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(FeedbackItem.TitleMax);
        builder.Property(f => f.Body).HasMaxLength(FeedbackItem.BodyMax);
        builder.Property(f => f.Answer).HasMaxLength(FeedbackItem.AnswerMax);
        builder.Property(f => f.AuthorUserId);
        builder.Property(f => f.AuthorOrganizationId);
        builder.Property(f => f.AuthorLevel);
        builder.Ignore(f => f.IsAnonymous);
        builder.HasIndex(f => f.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.AuthorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.AnsweredByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackStatusChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(FeedbackStatusChange.ReasonMax);
        builder.HasIndex(c => c.ItemId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<FeedbackItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackSupport> builder)
    {
        builder.HasIndex(s => new { s.ItemId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<FeedbackItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
