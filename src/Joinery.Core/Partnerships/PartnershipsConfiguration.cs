using Joinery.Core.Accounts;
using Joinery.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Partnerships;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Partnership.NameMax);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.ArchivedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerOrganizationConfiguration : IEntityTypeConfiguration<PartnerOrganization>
{
    public void Configure(EntityTypeBuilder<PartnerOrganization> builder)
    {
        builder.HasIndex(p => new { p.PartnershipId, p.OrganizationId }).IsUnique();
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.ChampionFor).HasMaxLength(Membership.ChampionForMax);
        // The default lets migration 0008 add the column to existing rows.
        builder.Property(m => m.ChampionDecides).HasMaxLength(Membership.ChampionForMax).HasDefaultValue("");
        builder.HasIndex(m => new { m.PartnershipId, m.UserId }).IsUnique();
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> builder)
    {
        builder.Property(c => c.UnmetCriteria).HasMaxLength(1000);
        builder.Property(c => c.OverrideReason).HasMaxLength(PhaseChange.ReasonMax);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsOverride);
    }
}
