using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Launch;

/// <summary>The areas of the readiness checklist (product.md, Prepare).</summary>
public enum ChecklistArea { EquipmentAndSupplies, Space, ItAndRecordAccess, Workflows, StaffTraining, Announcement }

public enum SourceKind { Internal, External }

public enum ReferralChannel { Letter, Email, Meeting, Phone, Website, Other }

/// <summary>A partnership's launch: the start date, the pilot's length, and when the checklist last changed.</summary>
public sealed class LaunchPlan : IAudited, IPartnershipOwned
{
    public const int DefaultPilotMonths = 6;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public DateOnly? StartDate { get; set; }
    public int PilotMonths { get; set; } = DefaultPilotMonths;

    /// <summary>When the checklist, the training roster or the referral sources last changed; a go given before this is shown as given before the change.</summary>
    public DateTimeOffset? ChecklistChangedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One thing to get ready before the start date, with the member who owns it.</summary>
public sealed class ChecklistItem : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int CodeMax = 40;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }

    /// <summary>The standard item's code; empty for an item the members added.</summary>
    public string Code { get; init; } = "";
    public ChecklistArea Area { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerUserId { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A person's course before launch: a member, or a named staff member who does not use Joinery.</summary>
public sealed class TrainingRecord : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public Guid? MemberUserId { get; set; }
    public string StaffName { get; set; } = "";
    public required string Course { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Someone who refers people and must hear that the service starts.</summary>
public sealed class ReferralSource : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Name { get; set; }
    public SourceKind Kind { get; set; }
    public ReferralChannel Channel { get; set; }
    public DateOnly? ToldOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An executive's go or no-go for their organization. The latest per organization counts; earlier ones stay as history.</summary>
public sealed class GoDecision : IAudited, IPartnershipOwned
{
    public const int NoteMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public bool Go { get; init; }
    public string Note { get; init; } = "";
    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>A milestone with planned and achieved dates. A natural one has a code and may be achieved from the data.</summary>
public sealed class Milestone : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int CodeMax = 40;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public string Code { get; init; } = "";
    public required string Title { get; set; }
    public DateOnly? PlannedOn { get; set; }

    /// <summary>Achieved by hand; a date derived from the data takes precedence when there is one.</summary>
    public DateOnly? AchievedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How a milestone was celebrated and who was thanked. Never about the people served.</summary>
public sealed class Celebration : IAudited, IPartnershipOwned
{
    public const int TextMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid MilestoneId { get; init; }
    public DateOnly CelebratedOn { get; init; }
    public required string How { get; init; }
    public string Thanked { get; init; } = "";
    public required Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class LaunchConfiguration :
    IEntityTypeConfiguration<LaunchPlan>, IEntityTypeConfiguration<ChecklistItem>, IEntityTypeConfiguration<TrainingRecord>,
    IEntityTypeConfiguration<ReferralSource>, IEntityTypeConfiguration<GoDecision>, IEntityTypeConfiguration<Milestone>, IEntityTypeConfiguration<Celebration>
{
    public void Configure(EntityTypeBuilder<LaunchPlan> builder)
    {
        builder.HasIndex(l => l.PartnershipId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(ChecklistItem.TitleMax);
        builder.Property(i => i.Code).HasMaxLength(ChecklistItem.CodeMax);
        builder.HasIndex(i => i.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.Property(t => t.StaffName).HasMaxLength(TrainingRecord.NameMax);
        builder.Property(t => t.Course).HasMaxLength(TrainingRecord.NameMax);
        builder.HasIndex(t => t.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.MemberUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReferralSource> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ReferralSource.NameMax);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GoDecision> builder)
    {
        builder.Property(d => d.Note).HasMaxLength(GoDecision.NoteMax);
        builder.HasIndex(d => new { d.PartnershipId, d.OrganizationId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Milestone.TitleMax);
        builder.Property(m => m.Code).HasMaxLength(Milestone.CodeMax);
        builder.HasIndex(m => m.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Celebration> builder)
    {
        builder.Property(c => c.How).HasMaxLength(Celebration.TextMax);
        builder.Property(c => c.Thanked).HasMaxLength(Celebration.TextMax);
        builder.HasIndex(c => c.MilestoneId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Milestone>().WithMany().HasForeignKey(c => c.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
