using Joinery.Core.Accounts;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Readiness;

internal sealed class ReadinessRoundConfiguration : IEntityTypeConfiguration<ReadinessRound>
{
    public void Configure(EntityTypeBuilder<ReadinessRound> builder)
    {
        builder.HasIndex(r => new { r.PartnershipId, r.Number }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Responses).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadinessResponseConfiguration : IEntityTypeConfiguration<ReadinessResponse>
{
    public void Configure(EntityTypeBuilder<ReadinessResponse> builder)
    {
        builder.HasIndex(r => new { r.RoundId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.PartnershipId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadinessAnswerConfiguration : IEntityTypeConfiguration<ReadinessAnswer>
{
    public void Configure(EntityTypeBuilder<ReadinessAnswer> builder)
    {
        builder.Property(a => a.ItemCode).HasMaxLength(60);
        builder.HasIndex(a => new { a.ResponseId, a.ItemCode }).IsUnique();
    }
}

internal sealed class ReadinessCommentConfiguration : IEntityTypeConfiguration<ReadinessComment>
{
    public void Configure(EntityTypeBuilder<ReadinessComment> builder)
    {
        builder.Property(c => c.FactorCode).HasMaxLength(60);
        builder.Property(c => c.Text).HasMaxLength(ReadinessResponse.CommentMax);
        builder.HasIndex(c => new { c.ResponseId, c.FactorCode }).IsUnique();
    }
}
