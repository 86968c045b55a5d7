using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Glossary;

public enum TermCategory { Roles, Records, Coding, Contracts, Management, Procedures, PeopleServed }

public enum TermStatus { Proposed, InDiscussion, Disputed, Agreed }

/// <summary>A term of the partnership's common language: how each side uses it and what the partnership agreed.</summary>
public sealed class GlossaryTerm : IAudited, IPartnershipOwned
{
    public const int TermMax = 120;
    public const int TextMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Term { get; set; }

    /// <summary>Lower-case, for the one-term-per-name rule.</summary>
    public required string NormalizedTerm { get; set; }
    public required TermCategory Category { get; set; }
    public string BehavioralHealthUsage { get; set; } = "";
    public string PrimaryCareUsage { get; set; } = "";
    public string Definition { get; set; } = "";
    public TermStatus Status { get; set; } = TermStatus.Proposed;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
}

/// <summary>A snapshot of a term after each change: the term's history.</summary>
public sealed class GlossaryRevision : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid TermId { get; init; }
    public required string Term { get; init; }
    public required TermCategory Category { get; init; }
    public required string BehavioralHealthUsage { get; init; }
    public required string PrimaryCareUsage { get; init; }
    public required string Definition { get; init; }
    public required TermStatus Status { get; init; }
    public Guid? ChangedByUserId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>A member's contribution to the discussion of a term.</summary>
public sealed class GlossaryComment : IAudited, IPartnershipOwned
{
    public const int TextMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid TermId { get; init; }
    public required Guid UserId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class GlossaryConfiguration :
    IEntityTypeConfiguration<GlossaryTerm>, IEntityTypeConfiguration<GlossaryRevision>, IEntityTypeConfiguration<GlossaryComment>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> builder)
    {
        builder.Property(t => t.Term).HasMaxLength(GlossaryTerm.TermMax);
        builder.Property(t => t.NormalizedTerm).HasMaxLength(GlossaryTerm.TermMax);
        builder.Property(t => t.BehavioralHealthUsage).HasMaxLength(GlossaryTerm.TextMax);
        builder.Property(t => t.PrimaryCareUsage).HasMaxLength(GlossaryTerm.TextMax);
        builder.Property(t => t.Definition).HasMaxLength(GlossaryTerm.TextMax);
        builder.HasIndex(t => new { t.PartnershipId, t.NormalizedTerm }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GlossaryRevision> builder)
    {
        builder.Property(r => r.Term).HasMaxLength(GlossaryTerm.TermMax);
        builder.Property(r => r.BehavioralHealthUsage).HasMaxLength(GlossaryTerm.TextMax);
        builder.Property(r => r.PrimaryCareUsage).HasMaxLength(GlossaryTerm.TextMax);
        builder.Property(r => r.Definition).HasMaxLength(GlossaryTerm.TextMax);
        builder.HasIndex(r => r.TermId);
        builder.HasIndex(r => r.PartnershipId);
        builder.HasOne<GlossaryTerm>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<GlossaryComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(GlossaryComment.TextMax);
        builder.HasIndex(c => c.TermId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<GlossaryTerm>().WithMany().HasForeignKey(c => c.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
