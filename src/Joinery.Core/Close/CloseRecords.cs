using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Formalize;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Close;

/// <summary>
/// How one service ends when the partnership closes (product.md, Close): who continues the care,
/// how the people served are told, and who keeps which records; then the three things done, each
/// with its date. Never about a person: the plan speaks of the people served as a group.
/// </summary>
public sealed class ServiceTransition : IAudited, IPartnershipOwned
{
    public const int ProviderMax = 200;
    public const int TextMax = 1000;
    public const int MaxPeople = 1_000_000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ServiceId { get; init; }

    /// <summary>The partner that goes on caring for the people served; null when another provider does (<see cref="ContinuingProvider"/>).</summary>
    public Guid? ContinuingOrganizationId { get; set; }
    public string ContinuingProvider { get; set; } = "";
    public required string HowTold { get; set; }
    public required Guid RecordsKeptByOrganizationId { get; set; }

    /// <summary>Which records the keeper holds, for how long, and what happens to the rest.</summary>
    public required string Records { get; set; }
    public int? PeopleServed { get; set; }
    public Guid? OwnerUserId { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? CareHandedOverOn { get; set; }
    public DateOnly? PeopleToldOn { get; set; }
    public DateOnly? RecordsSettledOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Complete => CareHandedOverOn is not null && PeopleToldOn is not null && RecordsSettledOn is not null;
}

internal sealed class CloseConfiguration : IEntityTypeConfiguration<ServiceTransition>
{
    public void Configure(EntityTypeBuilder<ServiceTransition> builder)
    {
        builder.Property(t => t.ContinuingProvider).HasMaxLength(ServiceTransition.ProviderMax);
        builder.Property(t => t.HowTold).HasMaxLength(ServiceTransition.TextMax);
        builder.Property(t => t.Records).HasMaxLength(ServiceTransition.TextMax);
        builder.Ignore(t => t.Complete);
        builder.HasIndex(t => t.PartnershipId);
        builder.HasIndex(t => t.ServiceId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ContinuingOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.RecordsKeptByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
