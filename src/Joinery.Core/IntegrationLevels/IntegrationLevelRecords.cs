using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.IntegrationLevels;

/// <summary>Where one partner's answers to the level finder placed the current practice.</summary>
public sealed class LevelFinding : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }

    /// <summary>The answered path, as <see cref="LevelFinder.Encode"/> writes it.</summary>
    public required string Answers { get; init; }
    public required int Level { get; init; }
    public DateTimeOffset FoundAt { get; init; }
}

/// <summary>The level the partners agree they are at now and the one they aim for. Each change is a new row: the history.</summary>
public sealed class LevelDecision : IAudited, IPartnershipOwned
{
    public const int NoteMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required int CurrentLevel { get; init; }
    public required int TargetLevel { get; init; }
    public string Note { get; init; } = "";
    public required Guid DecidedByUserId { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
}

internal sealed class LevelFindingConfiguration : IEntityTypeConfiguration<LevelFinding>
{
    public void Configure(EntityTypeBuilder<LevelFinding> builder)
    {
        builder.Property(f => f.Answers).HasMaxLength(400);
        builder.HasIndex(f => f.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LevelDecisionConfiguration : IEntityTypeConfiguration<LevelDecision>
{
    public void Configure(EntityTypeBuilder<LevelDecision> builder)
    {
        builder.Property(d => d.Note).HasMaxLength(LevelDecision.NoteMax);
        builder.HasIndex(d => d.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
