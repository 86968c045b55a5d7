using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMax);
        builder.Property(o => o.Mission).HasMaxLength(Organization.StatementMax);
        builder.Property(o => o.Vision).HasMaxLength(Organization.StatementMax);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
