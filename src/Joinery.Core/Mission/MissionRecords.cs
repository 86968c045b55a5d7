using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Mission;

/// <summary>One version of the partnership's vision and mission. Every edit is a new version, so the history and its diffs remain.</summary>
public sealed class MissionVersion : IAudited, IPartnershipOwned
{
    public const int TextMax = 4000;
    public const int NoteMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required int Number { get; init; }
    public required string Vision { get; init; }
    public required string Mission { get; init; }
    public string ChangeNote { get; init; } = "";
    public required Guid AuthorUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when an executive of every partner has endorsed this version.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A member's comment on the draft; their organization and level at the time are kept with it.</summary>
public sealed class MissionComment : IAudited, IPartnershipOwned
{
    public const int TextMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid VersionId { get; init; }
    public required Guid UserId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required MemberLevel Level { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An executive's endorsement of one version on behalf of their organization.</summary>
public sealed class MissionEndorsement : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid VersionId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public DateTimeOffset EndorsedAt { get; init; }

    /// <summary>Set when the text changed after the endorsement.</summary>
    public DateTimeOffset? VoidedAt { get; set; }
}

/// <summary>"I have read it": a member's acknowledgement of the published mission.</summary>
public sealed class MissionAcknowledgement : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid VersionId { get; init; }
    public required Guid UserId { get; init; }
    public DateTimeOffset AcknowledgedAt { get; init; }
}

public enum CommunicationChannel { AllStaffMeeting, Newsletter, Huddle, Email, BoardMeeting, Intranet, Other }

/// <summary>Where and when the mission was communicated.</summary>
public sealed class MissionCommunication : IAudited, IPartnershipOwned
{
    public const int TextMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required CommunicationChannel Channel { get; init; }
    public required DateOnly On { get; init; }
    public required string Audience { get; init; }
    public string Note { get; init; } = "";
    public required Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class MissionConfiguration :
    IEntityTypeConfiguration<MissionVersion>, IEntityTypeConfiguration<MissionComment>, IEntityTypeConfiguration<MissionEndorsement>,
    IEntityTypeConfiguration<MissionAcknowledgement>, IEntityTypeConfiguration<MissionCommunication>
{
    public void Configure(EntityTypeBuilder<MissionVersion> builder)
    {
        builder.Property(v => v.Vision).HasMaxLength(MissionVersion.TextMax);
        builder.Property(v => v.Mission).HasMaxLength(MissionVersion.TextMax);
        builder.Property(v => v.ChangeNote).HasMaxLength(MissionVersion.NoteMax);
        builder.HasIndex(v => new { v.PartnershipId, v.Number }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MissionComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(MissionComment.TextMax);
        builder.HasIndex(c => c.VersionId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<MissionVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MissionEndorsement> builder)
    {
        builder.HasIndex(e => new { e.VersionId, e.OrganizationId, e.UserId }).IsUnique();
        builder.HasIndex(e => e.PartnershipId);
        builder.HasOne<MissionVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MissionAcknowledgement> builder)
    {
        builder.HasIndex(a => new { a.VersionId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<MissionVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MissionCommunication> builder)
    {
        builder.Property(c => c.Audience).HasMaxLength(MissionCommunication.TextMax);
        builder.Property(c => c.Note).HasMaxLength(MissionCommunication.TextMax);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
