using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Decisions;

/// <summary>Whether the partners can change a matter, or regulation or a contract fixes it.</summary>
public enum Negotiability { Negotiable, FixedByRegulation, FixedByContract }

public enum DecisionStatus { Open, Proposed, Agreed, Rejected }

public enum ContributionKind { StaffFte, Space, Funding, Equipment, It, InKind }

/// <summary>A shared decision: the problem, the options, each partner's position, and the compromise reached.</summary>
public sealed class Decision : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;
    public const int CitationMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Title { get; set; }
    public string Problem { get; set; } = "";
    public string Options { get; set; } = "";
    public Negotiability Negotiability { get; set; }
    public string Citation { get; set; } = "";
    public string Compromise { get; set; } = "";
    public DecisionStatus Status { get; set; } = DecisionStatus.Open;
    public Guid? MeetingId { get; set; }

    /// <summary>Goes up each time the substance changes; sign-offs are for one version.</summary>
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One partner's position on a decision.</summary>
public sealed class DecisionPosition : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid DecisionId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Position { get; set; }
    public required Guid UpdatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An executive's sign-off of one version of a decision for their organization.</summary>
public sealed class DecisionSignOff : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid DecisionId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public required int Version { get; init; }
    public DateTimeOffset SignedAt { get; init; }
    public DateTimeOffset? VoidedAt { get; set; }
}

/// <summary>What a partner puts into the partnership ("skin in the game").</summary>
public sealed class Contribution : IAudited, IPartnershipOwned
{
    public const int DescriptionMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required ContributionKind Kind { get; init; }
    public required string Description { get; init; }

    /// <summary>Estimated value in dollars over the period.</summary>
    public decimal Value { get; init; }

    /// <summary>Full-time equivalents, for staff contributions.</summary>
    public decimal? Fte { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public required Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class DecisionsConfiguration :
    IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<DecisionPosition>, IEntityTypeConfiguration<DecisionSignOff>, IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Decision.TitleMax);
        builder.Property(d => d.Problem).HasMaxLength(Decision.TextMax);
        builder.Property(d => d.Options).HasMaxLength(Decision.TextMax);
        builder.Property(d => d.Citation).HasMaxLength(Decision.CitationMax);
        builder.Property(d => d.Compromise).HasMaxLength(Decision.TextMax);
        builder.HasIndex(d => d.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<DecisionPosition> builder)
    {
        builder.Property(p => p.Position).HasMaxLength(Decision.TextMax);
        builder.HasIndex(p => new { p.DecisionId, p.OrganizationId }).IsUnique();
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DecisionSignOff> builder)
    {
        builder.HasIndex(s => s.DecisionId);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(Contribution.DescriptionMax);
        builder.Property(c => c.Value).HasPrecision(14, 2);
        builder.Property(c => c.Fte).HasPrecision(6, 2);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
