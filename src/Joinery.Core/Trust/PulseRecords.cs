using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Trust;

/// <summary>
/// One run of the pulse survey. A steward opens it and closes it; results are shown once it is
/// closed, so nobody can watch the numbers move as a colleague answers.
/// </summary>
public sealed class PulseRound : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required int Number { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required Guid OpenedByUserId { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }

    public bool IsOpen => ClosedAt is null;
}

/// <summary>
/// That a member has answered a round: only so nobody answers twice. It carries no time and is
/// not audited on its own (the submission's single audit entry names the round, not the answers).
/// </summary>
public sealed class PulseParticipation : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid RoundId { get; init; }
    public required Guid UserId { get; init; }
}

/// <summary>
/// One score for one statement. Deliberately without the person, a time, a submission id or an
/// audit entry: only what the breakdowns need (the answerer's organization and level at the
/// time). Never make this <see cref="IAudited"/>: the automatic entry would name the answerer
/// next to the answer's id.
/// </summary>
public sealed class PulseAnswer : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid RoundId { get; init; }
    public required string ItemId { get; init; }
    public required int Score { get; init; }
    public required Guid OrganizationId { get; init; }
    public required MemberLevel Level { get; init; }
}

/// <summary>A free-text comment on a round: no person, no organization or level, no time; shown only among all of a round's comments.</summary>
public sealed class PulseComment : IPartnershipOwned
{
    public const int TextMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid RoundId { get; init; }
    public required string Text { get; init; }
}

internal sealed class PulseConfiguration :
    IEntityTypeConfiguration<PulseRound>, IEntityTypeConfiguration<PulseParticipation>, IEntityTypeConfiguration<PulseAnswer>, IEntityTypeConfiguration<PulseComment>
{
    public const int ItemIdMax = 60;

    public void Configure(EntityTypeBuilder<PulseRound> builder)
    {
        builder.Ignore(r => r.IsOpen);
        builder.HasIndex(r => new { r.PartnershipId, r.Number }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ClosedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PulseParticipation> builder)
    {
        builder.HasIndex(p => new { p.RoundId, p.UserId }).IsUnique();
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<PulseRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PulseAnswer> builder)
    {
        builder.Property(a => a.ItemId).HasMaxLength(ItemIdMax);
        builder.HasIndex(a => a.RoundId);
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<PulseRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PulseComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(PulseComment.TextMax);
        builder.HasIndex(c => c.RoundId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<PulseRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
