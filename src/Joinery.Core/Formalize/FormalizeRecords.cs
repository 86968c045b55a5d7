using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Decisions;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Formalize;

/// <summary>Where a service sits in the health center's HRSA scope (Form 5A): column I direct, II contract, III referral.</summary>
public enum HrsaScope { Direct, Contract, Referral }

public enum Payer { Medicare, Medicaid, Commercial, SlidingFee, Grant }

/// <summary>The function one partner performs with health information on the other's behalf, which makes it a business associate.</summary>
public enum AssociateFunction { None, Billing, CareManagement, RegistryHosting, EhrHosting, QualityReporting, Other }

public enum CostCategory { Staff, Space, Equipment, It, Training, Other }

public enum CostPeriod { OneOff, Monthly, Yearly }

public enum AgreementType { Mou, Baa, Qsoa, Dsa, ServicesContract, ReferralArrangement, Lease, Other }

#pragma warning disable CA1720 // "signed" is the agreement's status in the API contract, not a type name.
public enum AgreementStatus { Draft, InReview, Signed, InForce, Expiring, Expired, Terminated }
#pragma warning restore CA1720

/// <summary>A service in the partnership's catalog: who delivers it, who bills it, and what that means legally.</summary>
public sealed class Service : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;
    public const int SiteMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public required Guid DeliveredByOrganizationId { get; set; }
    public required Guid BilledByOrganizationId { get; set; }
    public string Site { get; set; } = "";

    /// <summary>Payers in kebab-case, comma-separated ("medicare,sliding-fee").</summary>
    public string Payers { get; set; } = "";
    public HrsaScope Scope { get; set; }

    /// <summary>The service creates or uses substance use disorder records covered by 42 CFR Part 2.</summary>
    public bool InvolvesPart2 { get; set; }
    public AssociateFunction AssociateFunction { get; set; }

    /// <summary>The partner that handles health information on the other's behalf (the business associate), when there is one.</summary>
    public Guid? AssociateOrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A cost of the partnership and the partner that pays it.</summary>
public sealed class CostItem : IAudited, IPartnershipOwned
{
    public const int DescriptionMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required CostCategory Category { get; init; }
    public required string Description { get; init; }
    public required Guid OrganizationId { get; init; }
    public decimal Amount { get; init; }
    public CostPeriod Period { get; init; }

    /// <summary>First day of the first and last month, when given.</summary>
    public DateOnly? FromMonth { get; init; }
    public DateOnly? ToMonth { get; init; }

    /// <summary>
    /// The contribution of the ledger (step 4) this cost pays for, when it is one: a consultant one partner
    /// lists as a contribution and the other pays for. The stake then counts the value once, as this cost.
    /// </summary>
    public Guid? ContributionId { get; init; }
    public required Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class FormalizeConfiguration : IEntityTypeConfiguration<Service>, IEntityTypeConfiguration<CostItem>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Service.NameMax);
        builder.Property(s => s.Description).HasMaxLength(Service.DescriptionMax);
        builder.Property(s => s.Site).HasMaxLength(Service.SiteMax);
        builder.Property(s => s.Payers).HasMaxLength(200);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.DeliveredByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.BilledByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.AssociateOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CostItem> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(CostItem.DescriptionMax);
        builder.Property(c => c.Amount).HasPrecision(14, 2);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(c => c.ContributionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
